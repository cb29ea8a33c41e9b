// Plans in IndexedDB (web/platform/glue.js): a 10,000-line plan keeps its versions where
// localStorage was full at the first edit, plans of the release before IndexedDB are moved over
// from localStorage and removed there only afterwards, a tab that missed another tab's save is
// stopped by the check inside the transaction, without IndexedDB localStorage still works, and the
// storage worker (web/platform/storage_records.js) makes the writes, not the page's thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, openApp, appWith, reloadApp, clickItem, typeInto, waitFrames, waitSaved, storedEntries, withoutIndexedDB, setTrainerQuantity } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const status = (page) => page.evaluate(() => window.stoplan.storageStatus());
const quantityOfTrainers = async (page) =>
  JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan.activities[1].lines[1].quantity_milli;

// The texts of the page's accessible mirror of the last frame (web/shell/access.js).
const mirrorTexts = (page) => page.evaluate(() =>
  Array.from(document.querySelectorAll('#access [data-sto-id]')).map((el) => el.textContent || el.getAttribute('aria-label') || ''));

// Mijn plannen lists version `number` of the open plan ("29-11-2026 12:03  (#4)").
async function listsVersion(page, number) {
  return (await mirrorTexts(page)).some((text) => text.endsWith(`(#${number})`));
}

// Moves the page's clock (Date.now, which saves are stamped with) `ms` ahead: a version of its own.
async function advanceClock(page, ms) {
  await page.evaluate((by) => {
    const now = Date.now;
    Date.now = () => now() + by;
  }, ms);
}

// A plan of `count` budget lines, as tests/bench/bench.cpp makes it: the sample's activities
// repeated (about 100 lines each) with its lines repeated under unique ids. cereal names a type's
// class version in its first object only, so the copies go without it.
function generatedPlanText(count) {
  const file = JSON.parse(readFileSync(join(here, '..', '..', 'assets', 'samples', 'voorbeeldregio.json'), 'utf8'));
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'cereal_class_version').map(([k, v]) => [k, strip(v)]));
  };
  const base = file.plan.activities;
  const pattern = base.flatMap((a) => a.lines);
  const activityCount = Math.max(base.length, Math.floor(count / 100));
  let next = 0;
  file.plan.activities = Array.from({ length: activityCount }, (_, i) => {
    const activity = i === 0 ? { ...base[0] } : strip(base[i % base.length]);
    activity.id = `act-${i}`;
    activity.title = `${base[i % base.length].title} ${Math.floor(i / base.length) + 1}`;
    const own = Math.floor(count / activityCount) + (i < count % activityCount ? 1 : 0);
    activity.lines = Array.from({ length: own }, () => {
      const line = next === 0 ? structuredClone(pattern[0]) : strip(pattern[next % pattern.length]);
      line.id = `line-${next}`;
      line.price_cents += next % 997;
      if (line.is_investment) line.investment.purchase_price_cents += next;
      next += 1;
      return line;
    });
    return activity;
  });
  return JSON.stringify(file, null, '\t');
}

test('a 10,000-line plan: opened through the file picker, five edits, a reload: all five stored, as versions', async (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'sto-idb-')), 'landelijk.json');
  writeFileSync(file, generatedPlanText(10000));
  const context = await session.newContext();
  t.after(() => context.close());
  const page = await openApp(t, session, { context });
  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Plan openen…');
  await (await choosing).setFiles(file);
  await page.waitForFunction(() => /Geopend als nieuw plan/.test(window.stoplan.storageStatus().banner), null, { timeout: 30000 });
  await waitSaved(page, 30000);
  const id = (await status(page)).plan_id;
  const activitiesOf = (text) => JSON.parse(text).plan.activities;
  const opened = activitiesOf(await page.evaluate(() => window.stoplan.planJson()));
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  for (let k = 1; k <= 5; ++k) {
    await advanceClock(page, 61000);  // each edit a version of its own
    await typeInto(page, '##quantity', String(1000 + k));
    await waitSaved(page, 30000);
    assert.equal((await status(page)).problem, 'none', `edit ${k} stored`);
  }
  // The version before the newest two becomes a delta in the frames after the last save, and its
  // write is committed by the storage worker after that: a page that goes away before then may
  // keep it whole (a delta is best effort; the whole version is as good).
  await page.waitForFunction(() => !window.stoplan.storageStatus().delta_pending && !window.Module.stoStorageBusy(),
    null, { timeout: 30000 });
  await reloadApp(page);
  assert.equal((await status(page)).plan_id, id);
  assert.equal((await status(page)).problem, 'none');
  assert.match(await page.evaluate(() => window.stoplan.planJson()), /"quantity_milli": 1005000,/);
  // Every edit is in a stored version of its own, after the version of the opened file.
  const entries = await storedEntries(page);
  const index = JSON.parse(entries['sto-planner/index']).plans.find((p) => p.id === id);
  assert.equal(index.versions.length, 6);
  index.versions.slice(1).forEach((v, k) => {
    assert.ok(entries[`sto-planner/plan/${id}/${v.number}`].includes(`"quantity_milli": ${1001 + k}000,`), `edit ${k + 1} in version #${v.number}`);
  });
  // All but the newest two are kept as deltas: they were read, made and written a part per frame.
  index.versions.slice(0, -2).forEach((v) => {
    assert.ok(entries[`sto-planner/plan/${id}/${v.number}`].startsWith('sto-planner-delta '), `version #${v.number} a delta`);
  });
  await clickItem(page, 'Mijn plannen');
  for (const v of index.versions) assert.ok(await listsVersion(page, v.number), `version #${v.number} listed`);
  assert.equal(await page.evaluate(() => window.stoplan.itemRect('De browseropslag is vol: je werk wordt niet in de browser bewaard. Download het plan om het veilig te stellen.')), null);
  await page.screenshot({ path: join(tmpdir(), 'sto-idb-my-plans.png') });
  // The oldest version, four deltas deep, restores to the plan as it was opened.
  const restore = (await page.evaluate(() => window.stoplan.items())).filter((item) => item.label === 'Herstellen').pop();
  await page.mouse.click(restore.x + restore.width / 2, restore.y + restore.height / 2);
  // The click is handled in a frame after it, and until then the newest version is open and saved:
  // wait for the restored plan itself (a slow machine once read the plan before that frame).
  await page.waitForFunction(() => !/"quantity_milli": 1005000,/.test(window.stoplan.planJson()), null, { timeout: 30000 });
  await waitSaved(page, 30000);
  assert.deepEqual(activitiesOf(await page.evaluate(() => window.stoplan.planJson())), opened);
  assert.deepEqual(page.problems, []);
});

// An init script counting IndexedDB puts made on the page's thread.
function countPagePuts() {
  window.__pagePuts = 0;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    window.__pagePuts += 1;
    return put.apply(this, args);
  };
}

test('the storage worker makes the writes: saves put nothing into IndexedDB on the page\'s thread', async (t) => {
  const { page } = await appWith(t, session, countPagePuts);
  assert.ok(page.workers().some((worker) => worker.url().endsWith('/storage_records.js')), 'the storage worker runs');
  await setTrainerQuantity(page, 91);
  await waitSaved(page);
  await typeInto(page, '##quantity', '92');
  await waitSaved(page);
  assert.equal(await page.evaluate(() => window.__pagePuts), 0);
  await reloadApp(page);
  assert.equal(await quantityOfTrainers(page), 92000);
  assert.equal((await status(page)).problem, 'none');
  assert.deepEqual(page.problems, []);
});

// What the release before IndexedDB stored: the same app with IndexedDB taken away keeps its plans
// in localStorage under the same keys, as that release did.
async function legacyState(t) {
  const { page } = await appWith(t, session, withoutIndexedDB);
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '71');
  await waitSaved(page);
  await advanceClock(page, 61000);
  await typeInto(page, '##quantity', '72');
  await waitSaved(page);
  // A second plan, open last.
  await page.evaluate(() => {
    const text = window.stoplan.planJson().replace('"title": "', '"title": "Tweede ');
    return window.stoplan.openFile(new File([text], 'tweede.json', { type: 'application/json' }));
  });
  await page.waitForFunction(() => /Geopend als nieuw plan/.test(window.stoplan.storageStatus().banner));
  await waitSaved(page);
  const entries = await page.evaluate(() => ({ ...localStorage }));
  await page.close();
  return entries;
}

test('plans stored in localStorage by the release before are moved to IndexedDB, then removed there', async (t) => {
  const legacy = await legacyState(t);
  const plans = JSON.parse(legacy['sto-planner/index']).plans;
  assert.equal(plans.length, 2);
  assert.equal(Object.keys(legacy).filter((k) => k.startsWith('sto-planner/plan/')).length, 3);

  // A browser that ran that release: its localStorage holds those entries when the new one starts
  // (written before the page's own scripts, once per tab).
  const context = await session.newContext();
  t.after(() => context.close());
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('sto-test-seeded')) return;
    sessionStorage.setItem('sto-test-seeded', '1');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, legacy);
  const page = await openApp(t, session, { context });
  await page.waitForFunction(() => !window.Module.stoStorageBusy() &&
    !Object.keys(localStorage).some((k) => k.startsWith('sto-planner/')), null, { timeout: 10000 });

  const moved = await storedEntries(page);
  for (const [key, value] of Object.entries(legacy)) assert.equal(moved[key], value, `${key} moved unchanged`);
  assert.equal((await status(page)).plan_id, plans[1].id, 'the plan open last is open again');
  assert.equal((await status(page)).problem, 'none');
  await clickItem(page, 'Mijn plannen');
  for (const plan of plans) assert.ok(await page.evaluate((name) => window.stoplan.itemRect(name) || window.stoplan.itemRect(`${name} (geopend)`), plan.name));

  // The first plan: both versions, and it opens with the newest.
  await clickItem(page, 'Openen');
  assert.equal((await status(page)).plan_id, plans[0].id);
  assert.equal(await quantityOfTrainers(page), 72000);
  assert.equal(plans[0].versions.length, 2);
  await waitFrames(page, 3);
  for (const v of plans[0].versions) assert.ok(await listsVersion(page, v.number), `version #${v.number} listed`);

  // A tab still running the old release writes its (same, older) state again: the next start
  // keeps the newer work here and empties localStorage again.
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '73');
  await waitSaved(page);
  await page.evaluate((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, legacy);
  await reloadApp(page);
  await page.waitForFunction(() => !window.Module.stoStorageBusy() &&
    !Object.keys(localStorage).some((k) => k.startsWith('sto-planner/')), null, { timeout: 10000 });
  assert.equal(await quantityOfTrainers(page), 73000);
  assert.deepEqual(page.problems, []);
});

test('a tab that missed another tab\'s save is stopped inside the transaction: a conflict, nothing overwritten', async (t) => {
  // Tab B can be made deaf to the other tab's messages, as a tab whose message is still on its way.
  const { context, page: a } = await appWith(t, session, () => {
    window.stoDeaf = false;
    const Channel = window.BroadcastChannel;
    window.BroadcastChannel = class extends Channel {
      set onmessage(handler) { super.onmessage = (event) => { if (!window.stoDeaf) handler(event); }; }
    };
  });
  await clickItem(a, 'Begroting');
  await typeInto(a, '##budget_filter', 'Externe trainers');
  await typeInto(a, '##quantity', '21');
  await waitSaved(a);
  const b = await openApp(t, session, { context });
  assert.equal(await quantityOfTrainers(b), 21000);
  await b.evaluate(() => { window.stoDeaf = true; });
  await a.bringToFront();
  await typeInto(a, '##quantity', '23');
  await waitSaved(a);
  await b.bringToFront();
  await clickItem(b, 'Begroting');
  await typeInto(b, '##budget_filter', 'Externe trainers');
  await typeInto(b, '##quantity', '99');
  await b.waitForFunction(() => window.stoplan.storageStatus().problem === 'conflict', null, { timeout: 5000 });
  const entries = await storedEntries(b);
  const id = (await status(a)).plan_id;
  const entry = JSON.parse(entries['sto-planner/index']).plans.find((p) => p.id === id);
  const newest = entries[`sto-planner/plan/${id}/${entry.versions[entry.versions.length - 1].number}`];
  assert.ok(newest.includes('"quantity_milli": 23000,'), "A's save is still the newest");
  assert.equal(await quantityOfTrainers(b), 99000, "B's work stays on screen");
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

// The records as stored: whether each holds bytes (this release) or text (database version 1).
const storedKinds = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('sto-planner');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result, tx = db.transaction('kv', 'readonly'), store = tx.objectStore('kv');
    const kinds = {};
    store.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      kinds[cursor.key] = cursor.value instanceof Uint8Array ? 'bytes' : typeof cursor.value;
      cursor.continue();
    };
    tx.oncomplete = () => { db.close(); resolve({ version: db.version, kinds }); };
  };
}));

test('a database of the release before (version 1, records as text) opens with every plan and version; new records are bytes', async (t) => {
  // What that release stored: the same keys and texts this release stores, as strings.
  const { page: first } = await appWith(t, session);
  await clickItem(first, 'Begroting');
  await typeInto(first, '##budget_filter', 'Externe trainers');
  await typeInto(first, '##quantity', '81');
  await waitSaved(first);
  await advanceClock(first, 61000);
  await typeInto(first, '##quantity', '82');
  await waitSaved(first);
  const id = (await status(first)).plan_id;
  const texts = await storedEntries(first);
  assert.equal(JSON.parse(texts['sto-planner/index']).plans[0].versions.length, 2);

  // Written as version 1 before the page's own scripts run (once per tab); the app's open of
  // version 2 waits until this connection closes.
  const context = await session.newContext();
  t.after(() => context.close());
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('sto-test-seeded')) return;
    sessionStorage.setItem('sto-test-seeded', '1');
    const open = indexedDB.open('sto-planner', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onsuccess = () => {
      const db = open.result, tx = db.transaction('kv', 'readwrite');
      for (const [k, v] of Object.entries(entries)) tx.objectStore('kv').put(v, k);
      tx.oncomplete = () => db.close();
    };
  }, texts);
  const page = await openApp(t, session, { context });
  const before = await storedKinds(page);
  assert.equal(before.version, 2);
  const versionKeys = Object.keys(texts).filter((k) => k.startsWith('sto-planner/plan/'));
  for (const key of versionKeys) assert.equal(before.kinds[key], 'string', `${key} is still text`);
  assert.equal((await status(page)).plan_id, id);
  assert.equal((await status(page)).problem, 'none');
  assert.equal(await quantityOfTrainers(page), 82000);
  await clickItem(page, 'Mijn plannen');
  for (const v of JSON.parse(texts['sto-planner/index']).plans[0].versions)
    assert.ok(await listsVersion(page, v.number), `version #${v.number} listed`);

  // The next save writes bytes, beside the text records it keeps (a version of its own: past the
  // minute of the version the first page stamped a minute ahead).
  await advanceClock(page, 180000);
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '83');
  await waitSaved(page);
  const after = await storedKinds(page);
  assert.equal(after.kinds['sto-planner/index'], 'bytes');
  assert.equal(after.kinds[`sto-planner/plan/${id}/3`], 'bytes', 'the new version');
  assert.equal(after.kinds[`sto-planner/plan/${id}/2`], 'string', 'the version before, untouched');
  await reloadApp(page);
  assert.equal(await quantityOfTrainers(page), 83000);
  const index = JSON.parse((await storedEntries(page))['sto-planner/index']).plans.find((p) => p.id === id);
  assert.equal(index.versions.length, 3);
  await clickItem(page, 'Mijn plannen');
  await waitFrames(page, 3);
  for (const v of index.versions) assert.ok(await listsVersion(page, v.number), `version #${v.number} listed`);
  assert.deepEqual(page.problems, []);
});

test('without IndexedDB the plans are kept in localStorage, as before', async (t) => {
  const { page } = await appWith(t, session, withoutIndexedDB);
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '47');
  await waitSaved(page);
  assert.ok(await page.evaluate(() => localStorage.getItem('sto-planner/index') !== null));
  await reloadApp(page);
  assert.equal(await quantityOfTrainers(page), 47000);
  assert.equal((await status(page)).problem, 'none');
  assert.deepEqual(page.problems, []);
});

test('Mijn plannen: each plan\'s size and last download, and a reminder when changes are in no file for days', async (t) => {
  const { page } = await appWith(t, session);
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '52');
  await waitSaved(page);
  const id = (await status(page)).plan_id;
  const entry = JSON.parse((await storedEntries(page))['sto-planner/index']).plans.find((p) => p.id === id);
  const reminder = `Gewijzigd sinds de laatste download, meer dan 3 dagen geleden: ${entry.name}. Download ze: het planbestand is je echte back-up.`;
  await clickItem(page, 'Mijn plannen');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('nog nooit gedownload')));
  assert.equal(await page.evaluate((text) => window.stoplan.itemRect(text), reminder), null, 'not within 3 days');
  const bytes = entry.versions.reduce((sum, v) => sum + v.bytes, 0);
  assert.ok(await page.evaluate((text) => window.stoplan.itemRect(text), `${Math.ceil(bytes / 1e3)} kB`), 'the size of all its versions');

  await advanceClock(page, 4 * 24 * 3600 * 1000);
  await waitFrames(page, 3);
  assert.ok(await page.evaluate((text) => window.stoplan.itemRect(text), reminder), 'four days later: the reminder');
  await page.screenshot({ path: join(tmpdir(), 'sto-idb-reminder.png') });

  await clickItem(page, 'Bestand');
  await clickItem(page, 'Plan downloaden…');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Downloaden');
  await downloading;
  await waitSaved(page);
  await clickItem(page, 'Mijn plannen');
  assert.equal(await page.evaluate((text) => window.stoplan.itemRect(text), reminder), null, 'downloaded: no reminder');
  assert.equal(await page.evaluate(() => window.stoplan.itemRect('nog nooit gedownload')), null);
  assert.ok((await mirrorTexts(page)).some((text) => /^laatst gedownload: \d\d-\d\d-\d{4} \d\d:\d\d$/.test(text)));
  await page.screenshot({ path: join(tmpdir(), 'sto-idb-downloaded.png') });
  assert.deepEqual(page.problems, []);
});
