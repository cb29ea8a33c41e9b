// Browser storage never loses work: autosave survives a reload, a damaged entry falls back to the
// last good version, a full storage shows a banner, files round-trip, hostile files are refused,
// and an older tab does not overwrite newer work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, openApp, freshApp, clickItem, typeInto, waitFrames, waitSaved } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const status = (page) => page.evaluate(() => window.stoplan.storageStatus());

// A fresh context per test: its own, empty localStorage.

async function setTrainerQuantity(page, quantity) {
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', String(quantity));
}

async function reload(t, page) {
  await page.reload();
  await page.bringToFront();
  await page.waitForFunction(() => window.stoplan !== undefined);
  await page.evaluate(() => window.stoplan.ready);
  await waitFrames(page, 2);
}

test('an edit is still there after a reload', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 55);
  await waitSaved(page);
  assert.match((await status(page)).status, /^opgeslagen om \d\d:\d\d$/);
  await reload(t, page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 55000);
  assert.deepEqual(page.problems, []);
});

test('a damaged storage entry: the app starts and opens the last good version', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 41);
  await waitSaved(page);
  await typeInto(page, '##quantity', '42');
  await waitSaved(page);
  const id = (await status(page)).plan_id;
  // Cut the newest version short, as a crash in the middle of a write would.
  await page.evaluate((planId) => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(`sto-planner/plan/${planId}/`));
    const newest = keys.sort((a, b) => Number(a.split('/').pop()) - Number(b.split('/').pop())).pop();
    localStorage.setItem(newest, localStorage.getItem(newest).slice(0, 200));
  }, id);
  await reload(t, page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 41000);
  assert.match((await status(page)).banner, /beschadigd/);
  assert.deepEqual(page.problems, []);
});

test('storage full: a banner says the work is not saved, and the plan stays intact', async (t) => {
  const { page } = await freshApp(t, session);
  // Fill the origin's storage to the last character.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 2) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler-${n++}`, chunk); } catch (e) { /* this size no longer fits */ }
    }
  });
  await setTrainerQuantity(page, 77);
  await page.waitForFunction(() => window.stoplan.storageStatus().problem === 'quota', null, { timeout: 5000 });
  await waitFrames(page, 3);
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('De browseropslag is vol: je werk wordt niet in de browser bewaard. Download het plan om het veilig te stellen.')));
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 77000);
  assert.deepEqual(page.problems, []);
});

test('download, then open the downloaded file: the same plan', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 33);
  const original = await plan(page);
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Plan downloaden…');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Downloaden');
  const download = await downloading;
  assert.match(download.suggestedFilename(), /^Techniekregio-Voorbeeld-fictief-\d{4}-\d\d-\d\d\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), 'sto-dl-')), download.suggestedFilename());
  await download.saveAs(file);

  await page.evaluate(() => window.stoplan.loadPlanJson('{"format":"sto-planner-plan","version":1,"app_version":"0","plan":' +
    JSON.stringify({ ...JSON.parse(window.stoplan.planJson()).plan, title: 'iets anders' }) + '}'));
  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Plan openen…');
  await (await choosing).setFiles(file);
  await page.waitForFunction(() => /Geopend als nieuw plan/.test(window.stoplan.storageStatus().banner));
  assert.deepEqual(await plan(page), original);
  assert.deepEqual(page.problems, []);
});

test('a hostile file dropped on the page: a message, and the plan untouched', async (t) => {
  const { page } = await freshApp(t, session);
  const before = await page.evaluate(() => window.stoplan.planJson());
  const hostile = '['.repeat(10000) + ']'.repeat(10000);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'aanval.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, hostile);
  await page.waitForFunction(() => /niet geopend/.test(window.stoplan.storageStatus().banner));
  assert.match((await status(page)).banner, /aanval\.json/);
  assert.equal(await page.evaluate(() => window.stoplan.planJson()), before);
  assert.deepEqual(page.problems, []);
});

test('two tabs: the other tab follows a save, and an older tab never overwrites newer work', async (t) => {
  const { context, page: a } = await freshApp(t, session);
  await setTrainerQuantity(a, 21);
  await waitSaved(a);
  const b = await openApp(t, session, { context });
  assert.equal((await plan(b)).activities[1].lines[1].quantity_milli, 21000);

  // A saves again; B hears of it and follows, since B has no changes of its own.
  await a.bringToFront();
  await typeInto(a, '##quantity', '22');
  await waitSaved(a);
  await b.bringToFront();
  await b.waitForFunction(() => JSON.parse(window.stoplan.planJson()).plan.activities[1].lines[1].quantity_milli === 22000);

  // Now B misses A's next save (a suspended tab hears nothing), then edits: it must not overwrite.
  await b.evaluate(() => {
    const ccall = window.Module.ccall;
    window.Module.ccall = (name, ...rest) => (name === 'sto_api_storage_changed' ? null : ccall(name, ...rest));
  });
  await a.bringToFront();
  await typeInto(a, '##quantity', '23');
  await waitSaved(a);
  await b.bringToFront();
  await setTrainerQuantity(b, 99);
  await b.waitForFunction(() => window.stoplan.storageStatus().problem === 'conflict', null, { timeout: 5000 });
  const newest = await b.evaluate((id) => {
    const index = JSON.parse(localStorage.getItem('sto-planner/index'));
    const entry = index.plans.find((p) => p.id === id);
    const n = entry.versions[entry.versions.length - 1].number;
    return JSON.parse(localStorage.getItem(`sto-planner/plan/${id}/${n}`)).plan.activities[1].lines[1].quantity_milli;
  }, (await status(b)).plan_id);
  assert.equal(newest, 23000, "A's newer save is still the newest version");

  await waitFrames(b, 2);
  await clickItem(b, 'Mijn versie als kopie bewaren');
  const after = await status(b);
  assert.equal(after.problem, 'none');
  assert.notEqual(after.plan_id, (await status(a)).plan_id);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});
