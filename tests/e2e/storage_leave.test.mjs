// Leaving the page never loses work: with work the browser could not store, or with storage
// switched off, closing asks first (and the app says after the reload what was lost); right after
// an edit, the pending save is made first and nothing is asked. Run alone by scripts/test.sh: the
// page's unload must come on time, which a machine loaded by other browsers once delayed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, freshApp, appWith, reloadApp, waitFrames, waitSaved, typeInto, appWithQuotaSwitch, setQuotaFull, appWithSlowStorageWorker, withoutIndexedDB, closeAsks, setTrainerQuantity } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const status = (page) => page.evaluate(() => window.stoplan.storageStatus());

test('leaving with work the browser could not store: the browser asks, and after a reload the app says what was lost', async (t) => {
  const { page } = await appWithQuotaSwitch(t, session);
  await setTrainerQuantity(page, 55);
  await waitSaved(page);
  await setQuotaFull(page, true);
  await typeInto(page, '##quantity', '77');
  await page.waitForFunction(() => window.stoplan.storageStatus().problem === 'quota', null, { timeout: 5000 });
  assert.equal(await closeAsks(page), true);

  // The user leaves anyway.
  await page.bringToFront();
  let asked = 0;
  page.on('dialog', (dialog) => { ++asked; dialog.accept(); });
  await reloadApp(page);
  assert.equal(asked, 1, 'the browser asked once');
  const after = await status(page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 55000);
  assert.equal(after.problem, 'quota', 'the storage problem is still shown');
  assert.doesNotMatch(after.status, /opgeslagen/);
  assert.match(after.banner, /^Bij het verlaten van de pagina waren de laatste wijzigingen niet in de browser bewaard\. De bewaarde versie van \d/);
  await waitFrames(page, 3);
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('De browseropslag is vol: je werk wordt niet in de browser bewaard. Download het plan om het veilig te stellen.')));
  assert.deepEqual(page.problems, []);
});

test('leaving right after an edit: the pending save is made first and nothing is asked', async (t) => {
  const { page } = await freshApp(t, session);
  let asked = false;
  page.on('dialog', (dialog) => { asked = true; dialog.accept(); });
  await setTrainerQuantity(page, 64);
  await reloadApp(page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 64000);
  assert.equal((await status(page)).banner, '');
  assert.equal(asked, false);
  assert.equal(await closeAsks(page), false);
});

test('leaving while the storage worker still has the save: the page commits it itself, nothing is lost', async (t) => {
  const { page } = await appWithSlowStorageWorker(t, session, 3000);
  await setTrainerQuantity(page, 66);
  // The save is made and with the worker (not yet committed) when the page goes.
  await page.waitForFunction(() => !window.stoplan.storageStatus().dirty && window.Module.stoStorageBusy());
  let asked = false;
  page.on('dialog', (dialog) => { asked = true; dialog.accept(); });
  await reloadApp(page);
  assert.equal((await plan(page)).activities[1].lines[1].quantity_milli, 66000);
  assert.equal((await status(page)).problem, 'none');
  assert.equal(asked, false);
  assert.deepEqual(page.problems, []);
});

test('storage switched off: the app says so from the start, and closing with changes asks', async (t) => {
  // Neither IndexedDB nor localStorage, as in some private windows.
  const { page } = await appWith(t, session, withoutIndexedDB, () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  assert.equal((await status(page)).problem, 'unavailable');
  await waitFrames(page, 3);
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Browseropslag is niet beschikbaar (privévenster of uitgeschakeld): je werk wordt niet in de browser bewaard. Download het plan om het te bewaren.')));
  await setTrainerQuantity(page, 12);
  assert.equal((await status(page)).problem, 'unavailable');
  assert.equal(await closeAsks(page), true);
  assert.deepEqual(page.problems, []);
  // Closed before its context: with this page still holding unsaved work, the hook closing the
  // context failed ("Target page, context or browser has been closed").
  await page.close();
});
