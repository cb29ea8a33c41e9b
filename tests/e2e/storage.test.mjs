// Browser storage never loses work: autosave survives a reload, a damaged entry falls back to the
// last good version, a full storage shows a banner, files round-trip, hostile files are refused,
// and an older tab does not overwrite newer work nor save into a plan another tab deleted.
// Leaving the page: storage_leave.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, openApp, freshApp, appWith, reloadApp, clickItem, typeInto, waitFrames, waitSaved, storedEntries, writeStored, appWithQuotaSwitch, setQuotaFull, withoutIndexedDB, closeAsks, setTrainerQuantity } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const status = (page) => page.evaluate(() => window.stoplan.storageStatus());

// A fresh context per test: its own, empty storage (IndexedDB, and localStorage).

// Fills localStorage to the last character (the app keeps its plans there without IndexedDB).
async function fillLocalStorage(page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 2) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler-${n++}`, chunk); } catch (e) { /* this size no longer fits */ }
    }
  });
}

test('an edit is still there after a reload', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 55);
  await waitSaved(page);
  assert.match((await status(page)).status, /^opgeslagen om \d\d:\d\d$/);
  await reloadApp(page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 55000);
  assert.deepEqual(page.problems, []);
});

test('a damaged storage entry: the app starts and opens the last good version', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 41);
  await waitSaved(page);
  await advanceClock(page, 61000);  // a version of its own, not merged into the one before
  await typeInto(page, '##quantity', '42');
  await waitSaved(page);
  const id = (await status(page)).plan_id;
  // Cut the newest version short, as a crash in the middle of a write would.
  const entries = await storedEntries(page);
  const newest = Object.keys(entries).filter((k) => k.startsWith(`sto-planner/plan/${id}/`))
    .sort((a, b) => Number(a.split('/').pop()) - Number(b.split('/').pop())).pop();
  await writeStored(page, newest, entries[newest].slice(0, 200));
  await reloadApp(page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 41000);
  assert.match((await status(page)).banner, /beschadigd/);
  assert.deepEqual(page.problems, []);
});

test('storage full: a banner says the work is not saved, and the plan stays intact', async (t) => {
  const { page } = await appWithQuotaSwitch(t, session);
  await setQuotaFull(page, true);  // IndexedDB refuses every write
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
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Plan downloaden…');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Downloaden');
  const download = await downloading;
  assert.match(download.suggestedFilename(), /^Techniekregio-Voorbeeld-fictief-\d{4}-\d\d-\d\d\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), 'sto-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  const original = await plan(page);  // as downloaded: with the lineage the download stamped
  assert.match(original.lineage.revision, /^[0-9a-f]{16}$/);

  // A version 1 file has no lineage.
  await page.evaluate(() => window.stoplan.loadPlanJson('{"format":"sto-planner-plan","version":1,"app_version":"0","plan":' +
    JSON.stringify({ ...JSON.parse(window.stoplan.planJson()).plan, title: 'iets anders', lineage: undefined }) + '}'));
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
  const newest = (await storedPlan(b, (await status(b)).plan_id)).newest.activities[1].lines[1].quantity_milli;
  assert.equal(newest, 23000, "A's newer save is still the newest version");
  assert.equal(await closeAsks(b), true, 'closing the conflicting tab asks first');
  await b.bringToFront();

  await waitFrames(b, 2);
  await clickItem(b, 'Mijn versie als kopie bewaren');
  const after = await status(b);
  assert.equal(after.problem, 'none');
  assert.notEqual(after.plan_id, (await status(a)).plan_id);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

// The stored index entry of plan `id` and the plan in its newest stored version, in IndexedDB or
// (`source` localStoredEntries) in localStorage.
const localStoredEntries = (page) => page.evaluate(() => ({ ...localStorage }));

async function storedPlan(page, id, source = storedEntries) {
  const entries = await source(page);
  const entry = JSON.parse(entries['sto-planner/index']).plans.find((p) => p.id === id);
  if (!entry) return null;
  const n = entry.versions[entry.versions.length - 1].number;
  return { entry, newest: JSON.parse(entries[`sto-planner/plan/${id}/${n}`]).plan };
}

// Tab B opens a plan file of its own (its open plan cannot be deleted) and deletes tab A's plan in
// Mijn plannen.
async function deleteInOtherTab(b) {
  await b.evaluate(() => {
    const text = window.stoplan.planJson().replace('"title": "', '"title": "Ander plan ');
    return window.stoplan.openFile(new File([text], 'ander.json', { type: 'application/json' }));
  });
  await b.waitForFunction(() => /Geopend als nieuw plan/.test(window.stoplan.storageStatus().banner));
  await clickItem(b, 'Mijn plannen');
  await clickItem(b, 'Verwijderen');  // the first row: the plan stored first, tab A's
}

const deletedBanner = 'Dit plan is in een ander tabblad verwijderd: wat je hier ziet en wijzigt, wordt niet meer in de browser bewaard.';

test('a plan deleted in another tab: this tab says so at once, and hears the delete undone', async (t) => {
  const { context, page: a } = await freshApp(t, session);
  await setTrainerQuantity(a, 21);
  await waitSaved(a);
  const b = await openApp(t, session, { context });
  await deleteInOtherTab(b);
  await a.bringToFront();
  await a.waitForFunction(() => window.stoplan.storageStatus().problem === 'deleted', null, { timeout: 5000 });
  await waitFrames(a, 3);
  assert.ok(await a.evaluate((label) => window.stoplan.itemRect(label), deletedBanner));
  assert.ok(await a.evaluate(() => window.stoplan.itemRect('Als nieuw plan bewaren')));

  await b.bringToFront();
  await clickItem(b, 'Ongedaan maken##undo_remove');
  await a.bringToFront();
  await a.waitForFunction(() => window.stoplan.storageStatus().problem === 'none', null, { timeout: 5000 });
  // Saving works again, into the same plan.
  const id = (await status(a)).plan_id;
  await typeInto(a, '##quantity', '24');
  await waitSaved(a);
  assert.equal((await status(a)).plan_id, id);
  assert.equal((await storedPlan(a, id)).newest.activities[1].lines[1].quantity_milli, 24000);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('a tab that missed the delete never saves into the deleted plan: it offers to keep the work as a new plan', async (t) => {
  const { context, page: a } = await freshApp(t, session);
  await setTrainerQuantity(a, 21);
  await waitSaved(a);
  const id = (await status(a)).plan_id;
  const name = (await storedPlan(a, id)).entry.name;
  // A is suspended (hears no storage events) while B deletes its plan.
  await a.evaluate(() => {
    const ccall = window.Module.ccall;
    window.Module.ccall = (fn, ...rest) => (fn === 'sto_api_storage_changed' ? null : ccall(fn, ...rest));
  });
  const b = await openApp(t, session, { context });
  await deleteInOtherTab(b);

  await a.bringToFront();
  await typeInto(a, '##quantity', '99');
  await a.waitForFunction(() => window.stoplan.storageStatus().problem === 'deleted', null, { timeout: 5000 });
  const deleted = await storedPlan(a, id);
  assert.equal(deleted.entry.deleted, true, 'still in the bin');
  assert.equal(deleted.entry.versions.length, 1, 'nothing saved into it');
  assert.equal(deleted.newest.activities[1].lines[1].quantity_milli, 21000);
  assert.equal((await status(a)).status, '', 'no "opgeslagen om …"');
  assert.equal(await closeAsks(a), true, 'closing the tab asks first');

  await a.bringToFront();
  await waitFrames(a, 2);
  await clickItem(a, 'Als nieuw plan bewaren');
  const kept = await status(a);
  assert.equal(kept.problem, 'none');
  assert.notEqual(kept.plan_id, id);
  const stored = await storedPlan(a, kept.plan_id);
  assert.equal(stored.entry.name, name);
  assert.equal(stored.entry.deleted, false);
  assert.equal(stored.newest.activities[1].lines[1].quantity_milli, 99000);
  await reloadApp(a);
  assert.equal((await status(a)).plan_id, kept.plan_id);
  assert.equal((await plan(a)).activities[1].lines[1].quantity_milli, 99000);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

// Moves the page's clock (Date.now, which the app's saves are stamped with) `ms` ahead.
async function advanceClock(page, ms) {
  await page.evaluate((by) => {
    const now = Date.now;
    Date.now = () => now() + by;
  }, ms);
}

test('versions: a minute of edits is one version, and Mijn plannen says what each changed', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 31);
  await waitSaved(page);
  await typeInto(page, '##quantity', '32');
  await waitSaved(page);
  await typeInto(page, '##quantity', '33');
  await waitSaved(page);
  const id = (await status(page)).plan_id;
  let stored = await storedPlan(page, id);
  assert.equal(stored.entry.versions.length, 1, 'three edits within a minute: one version');
  const merged = stored.entry.versions[0];
  assert.equal(merged.edits, 3);
  assert.match(merged.change_nl, /^Aantal gewijzigd/);
  assert.equal(stored.newest.activities[1].lines[1].quantity_milli, 33000);

  await advanceClock(page, 61000);
  await typeInto(page, '##quantity', '34');
  await waitSaved(page);
  stored = await storedPlan(page, id);
  assert.equal(stored.entry.versions.length, 2, 'a minute later: a new version');
  assert.equal(stored.entry.versions[1].edits, 1);

  await clickItem(page, 'Mijn plannen');
  assert.ok(await page.evaluate((label) => window.stoplan.itemRect(label), `${merged.change_nl} (3 wijzigingen)`));
  assert.ok(await page.evaluate((label) => window.stoplan.itemRect(label), stored.entry.versions[1].change_nl));
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Herstellen')), 'the older version can be restored');
  await page.screenshot({ path: join(tmpdir(), 'sto-versions.png') });
  await clickItem(page, 'Herstellen');
  await waitSaved(page);
  stored = await storedPlan(page, id);
  assert.equal(stored.entry.versions.length, 3);
  assert.equal(stored.entry.versions[2].change_nl, `Teruggezet: versie #${merged.number}`);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 33000);
  assert.deepEqual(page.problems, []);
});

// Only where storage says "full" at once (localStorage, without IndexedDB): plan_store.cpp.
test('a full storage: older versions make room, and the app says how many went', async (t) => {
  const { page } = await appWith(t, session, withoutIndexedDB);
  await setTrainerQuantity(page, 41);
  await waitSaved(page);
  for (const quantity of ['42', '43']) {
    await advanceClock(page, 61000);
    await typeInto(page, '##quantity', quantity);
    await waitSaved(page);
  }
  const id = (await status(page)).plan_id;
  assert.equal((await storedPlan(page, id, localStoredEntries)).entry.versions.length, 3);
  await fillLocalStorage(page);
  await advanceClock(page, 61000);
  await typeInto(page, '##quantity', '44');
  await waitSaved(page);
  const after = await status(page);
  assert.equal(after.problem, 'none');
  assert.match(after.banner, /^De browseropslag was vol: om ruimte te maken zijn oudere versies verwijderd, aantal: [12] Download je plannen om ze te bewaren\.$/);
  const stored = await storedPlan(page, id, localStoredEntries);
  assert.equal(stored.newest.activities[1].lines[1].quantity_milli, 44000);
  assert.ok(stored.entry.versions.length < 4);
  assert.deepEqual(page.problems, []);
});

test('a damaged index: the plans are listed again under their own names, and the app says what it found', async (t) => {
  const { page } = await freshApp(t, session);
  await setTrainerQuantity(page, 51);
  await waitSaved(page);
  const id = (await status(page)).plan_id;
  const name = (await storedPlan(page, id)).entry.name;
  await writeStored(page, 'sto-planner/index', '{"plans": [ {"id": ');
  await reloadApp(page);
  const after = await status(page);
  assert.equal(after.plan_id, id);
  assert.match(after.banner, /^De lijst met plannen in deze browser was beschadigd en is opnieuw opgebouwd uit de opgeslagen versies\. Teruggevonden \(plannen \/ versies\): 1 \/ 1 De datums/);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 51000);
  assert.equal((await storedPlan(page, id)).entry.name, name);
  await clickItem(page, 'Mijn plannen');
  assert.ok(await page.evaluate((label) => window.stoplan.itemRect(label), `${name} (geopend)`));
  assert.deepEqual(page.problems, []);
});

test('Mijn plannen shows the storage used and available, and asks for persistent storage at the first save', async (t) => {
  const context = await session.newContext();
  t.after(() => context.close());
  // The browser's answers, fixed so that the figures shown can be checked.
  await context.addInitScript(() => {
    let persisted = false;
    window.persistRequests = 0;
    navigator.storage.persist = async () => { window.persistRequests += 1; persisted = true; return true; };
    navigator.storage.persisted = async () => persisted;
    navigator.storage.estimate = async () => ({ usage: window.stoUsage || 1234567, quota: 5e9 });
  });
  const page = await openApp(t, session, { context });
  await clickItem(page, 'Mijn plannen');
  const notPersisted = 'Kan door de browser worden opgeruimd (bij ruimtegebrek, of in Safari na 7 dagen niet gebruiken): download je plannen als bestand.';
  assert.ok(await page.evaluate((label) => window.stoplan.itemRect(label), notPersisted));
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Opslag in deze browser: 1,2 MB gebruikt, 5,0 GB beschikbaar.')));
  assert.equal(await page.evaluate(() => window.persistRequests), 0, 'not asked before anything is saved');

  await setTrainerQuantity(page, 61);
  await waitSaved(page);
  await typeInto(page, '##quantity', '62');
  await waitSaved(page);
  assert.equal(await page.evaluate(() => window.persistRequests), 1, 'asked once, at the first save');
  await clickItem(page, 'Mijn plannen');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Blijvend bewaard: de browser ruimt deze plannen niet vanzelf op.')));
  assert.equal(await page.evaluate((label) => window.stoplan.itemRect(label), notPersisted), null);
  const compressed = 'Zo meldt de browser het: hij kan plannen gecomprimeerd opslaan, dus dit kan minder zijn dan de grootte van de plannen hieronder samen.';
  assert.equal(await page.evaluate((label) => window.stoplan.itemRect(label), compressed), null, 'the browser reports more than the plans take');
  // A browser that stores the plans compressed reports less than their sizes added up.
  await page.evaluate(() => { window.stoUsage = 1000; });
  await setTrainerQuantity(page, 63);
  await waitSaved(page);
  await clickItem(page, 'Mijn plannen');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Opslag in deze browser: 1 kB gebruikt, 5,0 GB beschikbaar.')));
  assert.ok(await page.evaluate((label) => window.stoplan.itemRect(label), compressed));
  await page.screenshot({ path: join(tmpdir(), 'sto-my-plans.png') });
  assert.deepEqual(page.problems, []);
});

test('Mijn plannen names the part of the storage used that is the app itself, kept for offline use', async (t) => {
  const context = await session.newContext();
  t.after(() => context.close());
  // Chromium's answer on a first visit: the service worker's cache, no plan yet.
  await context.addInitScript(() => {
    navigator.storage.estimate = async () => ({ usage: 3100000, quota: 5e9, usageDetails: { caches: 3000000, indexedDB: 100000 } });
  });
  const page = await openApp(t, session, { context });
  await clickItem(page, 'Mijn plannen');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect(
    'Opslag in deze browser: 3,1 MB gebruikt (waarvan 3,0 MB door de app zelf, om zonder internet te werken), 5,0 GB beschikbaar.')));
  assert.deepEqual(page.problems, []);
});
