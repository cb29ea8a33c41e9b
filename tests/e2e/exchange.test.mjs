// Sharing and exchange in the browser: a share link opens the same plan in a fresh browser,
// the printable report shows every section, and a budget CSV with bad rows is previewed with
// each bad row named before anything is added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, freshApp, loadApp, clickItem, waitFrames } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;

test('a share link opens the identical plan in a fresh browser, after asking', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Deellink maken…');
  await waitFrames(page, 3);
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Deellink')), 'the share dialog opens');
  const url = await page.evaluate(() => window.stoplan.makeShareLink(window.stoplan.planJson()));
  assert.match(url, /#p=[A-Za-z0-9_-]+$/);
  // The sample's link fits in a mail: no warning (links.test.mjs shows one that does not).
  assert.equal(await page.evaluate(() => window.stoplan.itemRect('Planbestand downloaden')), null);
  const original = await plan(page);

  // A fresh browser (its own storage) opens the link in a new tab.
  const otherContext = await session.newContext();
  t.after(() => otherContext.close());
  const other = await otherContext.newPage();
  other.problems = [];
  other.on('console', (m) => { if (m.type() === 'error') other.problems.push(m.text()); });
  await loadApp(other, url);
  await waitFrames(other, 3);
  assert.equal(await other.evaluate(() => location.hash), '', 'the fragment is forgotten after reading');
  assert.equal((await other.evaluate(() => window.stoplan.storageStatus())).pending_open, true, 'it asks first');
  await clickItem(other, 'Openen');
  assert.deepEqual(await plan(other), original);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
});

test('Kopiëren puts the share link on the system clipboard, and Ctrl+C copies from a text field', async (t) => {
  const { page } = await freshApp(t, session, { permissions: ['clipboard-read', 'clipboard-write'] });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Deellink maken…');
  await clickItem(page, 'Kopiëren');
  const expected = await page.evaluate(() => window.stoplan.makeShareLink(window.stoplan.planJson()));
  const copied = await clipboard();
  assert.ok(copied.startsWith(session.url), copied.slice(0, 80));
  assert.equal(copied, expected);
  await clickItem(page, 'Sluiten');

  await clickItem(page, 'Regio & partners');
  await clickItem(page, '##region_name');
  await page.keyboard.press('Control+KeyA');
  await page.keyboard.press('Control+KeyC');
  await waitFrames(page, 3);
  assert.equal(await clipboard(), (await plan(page)).region.name);
  await page.keyboard.press('Escape');
  assert.deepEqual(page.problems, []);
});

test('the printable report opens in a new tab with every section of the sample plan', async (t) => {
  const { context, page } = await freshApp(t, session);
  await clickItem(page, 'Bestand');
  const opening = context.waitForEvent('page');
  await clickItem(page, 'Rapport afdrukken…');
  const report = await opening;
  await report.waitForLoadState();
  const ids = await report.evaluate(() => [...document.querySelectorAll('section[id]')].map((s) => s.id));
  assert.deepEqual(ids, ['region', 'partners', 'students', 'goals', 'activities', 'budget', 'funding', 'maximum', 'findings', 'notes']);
  const text = await report.evaluate(() => document.body.innerText);
  assert.match(text, /Techniekregio Voorbeeld \(fictief\)/);
  assert.match(text, /€ 4\.220\.000,00/, 'the total in Dutch notation');
  // One script only: the print button's.
  assert.equal(await report.evaluate(() => document.querySelectorAll('script').length), 1);
  assert.equal(await report.evaluate(() => document.querySelectorAll('#print').length), 1);
});

test('a budget CSV with a bad row: the row is named, the good rows previewed, one undo step', async (t) => {
  const { page } = await freshApp(t, session);
  const p = await plan(page);
  const activity = p.activities[1].title;
  const organisation = p.organisations[0].name;
  // Take the export's own header so the columns match what the app writes.
  await clickItem(page, 'Bestand');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Begroting exporteren (CSV)');
  const download = await downloading;
  const dir = mkdtempSync(join(tmpdir(), 'sto-csv-'));
  const exported = join(dir, 'export.csv');
  await download.saveAs(exported);
  const header = (await import('node:fs')).readFileSync(exported, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const columns = header.split(';');
  const row = (values) => columns.map((c) => values[c] ?? '').join(';');
  const good = { Activiteit: activity, Regel: 'csv-1', Organisatie: organisation, Jaar: '2026', Kostensoort: 'Materialen', Omschrijving: 'Gereedschapskisten', Eenheid: 'stuk', 'Prijs (EUR)': '125,50', Aantal: '8', Financiering: 'Subsidie' };
  const lines = [header, row(good), row({ ...good, Regel: 'csv-2', Omschrijving: 'Onbekend', Activiteit: 'Bestaat niet' }), row({ ...good, Regel: 'csv-3', Omschrijving: 'Tweede', Aantal: '2' })];
  const csv = join(dir, 'import.csv');
  writeFileSync(csv, '\uFEFF' + lines.join('\r\n') + '\r\n');

  const before = await page.evaluate(() => window.stoplan.summaryJson());
  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Begrotingsregels importeren (CSV)…');
  await (await choosing).setFiles(csv);
  await page.waitForFunction(() => window.stoplan.itemRect('Regels toevoegen') !== null);
  const named = await page.evaluate(() => window.stoplan.itemRect('2 regels kunnen worden toegevoegd'));
  assert.ok(named, 'the preview counts the good rows');
  const badRow = await page.evaluate(() => {
    for (const text of ['CSV-regel 3: onbekende activiteit "Bestaat niet"', 'CSV-regel 3: onbekende activiteit “Bestaat niet”']) if (window.stoplan.itemRect(text)) return text;
    return null;
  });
  assert.ok(badRow, 'the bad row is named with its line number');
  await clickItem(page, 'Regels toevoegen');
  const after = await page.evaluate(() => window.stoplan.summaryJson());
  assert.equal(after.totals.costs_cents - before.totals.costs_cents, 12550 * 10);
  await page.keyboard.press('Control+KeyZ');
  await waitFrames(page, 3);
  assert.equal((await page.evaluate(() => window.stoplan.summaryJson())).totals.costs_cents, before.totals.costs_cents, 'one undo removes the whole import');
  assert.deepEqual(page.problems, []);
});
