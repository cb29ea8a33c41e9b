// Friction found in the walks (issue 27, item 4): the share dialog confirms a copy, the
// organisation table's check boxes name their organisation for a screen reader, and the report
// has a print button and every budget line, and can be downloaded as an .html file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSession, freshApp, clickItem, waitFrames, openSection } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// What the page's live region says, once its 50 ms delay has passed.
async function announced(page) {
  await page.waitForTimeout(120);
  return page.locator('#access-live').textContent();
}

async function openShareDialog(page, menu, entry, copy) {
  await clickItem(page, menu);
  await clickItem(page, entry);
  let rect = null;
  for (let i = 0; i < 20 && !rect; ++i) {
    await waitFrames(page, 2);
    rect = await page.evaluate((label) => window.stoplan.itemRect(label), copy);
  }
  assert.ok(rect, `the share dialog shows "${copy}"`);
}

const rectOf = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);

for (const [language, words] of Object.entries({
  nl: { file: 'Bestand', share: 'Deellink maken…', copy: 'Kopiëren', copied: 'Gekopieerd', close: 'Sluiten' },
  en: { file: 'File', share: 'Create share link…', copy: 'Copy', copied: 'Copied', close: 'Close' },
})) {
  test(`share dialog (${language}): "${words.copy}" says "${words.copied}" beside it for a few seconds, and announces it`, async (t) => {
    const { context, page } = await freshApp(t, session);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    if (language === 'en') await clickItem(page, 'English');
    await openShareDialog(page, words.file, words.share, words.copy);
    assert.equal(await rectOf(page, words.copied), null, 'no confirmation before a copy');

    await clickItem(page, words.copy);
    const copyRect = await rectOf(page, words.copy);
    const copiedRect = await rectOf(page, words.copied);
    assert.ok(copiedRect, `"${words.copied}" shows after the copy`);
    assert.ok(Math.abs(copiedRect.y - copyRect.y) < copyRect.height && copiedRect.x > copyRect.x + copyRect.width - 1 &&
      copiedRect.x - (copyRect.x + copyRect.width) < 40, `beside the button: ${JSON.stringify({ copyRect, copiedRect })}`);
    assert.match(await announced(page), new RegExp(words.copied), 'a screen reader hears it');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#/, 'the link is on the clipboard');
    // The mirror has it as text too.
    const mirrored = await page.evaluate((w) => [...document.querySelectorAll('#access [data-sto-id]')]
      .some((el) => el.textContent === w), words.copied);
    assert.ok(mirrored, 'the confirmation is in the accessible mirror');

    // A second copy is announced again.
    await page.evaluate(() => { document.getElementById('access-live').textContent = ''; });
    await clickItem(page, words.copy);
    assert.match(await announced(page), new RegExp(words.copied), 'a second copy is announced again');

    // Gone after a few seconds, without any input (the app draws a frame of its own for it).
    await page.waitForTimeout(4500);
    const stillMirrored = await page.evaluate((w) => [...document.querySelectorAll('#access [data-sto-id]')]
      .some((el) => el.textContent === w), words.copied);
    assert.equal(stillMirrored, false, 'the confirmation goes away after a few seconds, by itself');
    await waitFrames(page, 2);
    assert.equal(await rectOf(page, words.copied), null, 'and is no longer drawn');

    // And it never outlives the dialog.
    await clickItem(page, words.copy);
    assert.ok(await rectOf(page, words.copied));
    await clickItem(page, words.close);
    await openShareDialog(page, words.file, words.share, words.copy);
    assert.equal(await rectOf(page, words.copied), null, 'a reopened dialog starts without it');
    assert.deepEqual(page.problems, []);
  });
}

// The accessibility tree as a screen reader gets it: [{role, name, checked}].
async function axTree(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value,
    name: n.name?.value ?? '',
    checked: (n.properties || []).find((p) => p.name === 'checked')?.value?.value,
  }));
}

for (const [language, words] of Object.entries({
  nl: { section: 'Regio & partners', columns: ['Penvoerder', 'Bedrijf (cofin.)', 'Partner'] },
  en: { section: 'Region & partners', columns: ['Penvoerder', 'Business (cofin.)', 'Partner'] },
})) {
  test(`organisation table (${language}): each check box is named with its organisation, the headers stay as they are`, async (t) => {
    const { context, page } = await freshApp(t, session);
    if (language === 'en') await clickItem(page, 'English');
    await openSection(page, words.section);
    const orgs = (await page.evaluate(() => JSON.parse(window.stoplan.planJson()).plan.organisations));
    const tree = await axTree(context, page);
    const boxes = tree.filter((n) => n.role === 'checkbox');
    for (const column of words.columns) {
      assert.ok(tree.some((n) => n.role === 'columnheader' && n.name === column), `the column header "${column}" as before`);
      // The table draws the rows on screen: at least the first few, each named apart.
      const named = boxes.filter((n) => n.name.startsWith(`${column}: `));
      assert.ok(named.length >= 3, `check boxes of "${column}" named with an organisation: ${JSON.stringify(boxes.map((b) => b.name))}`);
      for (const [i, box] of named.entries()) {
        assert.equal(box.name, `${column}: ${orgs[i].name}`, `row ${i + 1}`);
      }
      assert.equal(boxes.filter((n) => n.name === column).length, 0, `no check box named "${column}" alone`);
    }
    const lead = boxes.find((n) => n.name === `${words.columns[0]}: ${orgs[0].name}`);
    assert.equal(String(lead.checked), orgs[0].penvoerder ? 'true' : 'false', 'the lead box says whether it is checked');
    assert.deepEqual(page.problems, []);
  });
}

// A report page's print button: visible on screen, hidden in print, and printing when clicked
// (window.print is replaced by a counter, as headless Chromium has no print dialog). No script of
// the page is refused by its Content-Security-Policy.
async function checkPrintButton(report, refusals, label) {
  assert.ok(await report.locator('#print').isVisible(), 'the print button shows on screen');
  assert.equal(await report.locator('#print').textContent(), label);
  await report.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await report.locator('#print').click();
  assert.equal(await report.evaluate(() => window.printed), 1, 'the button prints the page');
  await report.emulateMedia({ media: 'print' });
  assert.equal(await report.locator('#print').isVisible(), false, 'the button is hidden when printing');
  await report.emulateMedia({ media: 'screen' });
  assert.deepEqual(refusals, [], 'the policy refuses nothing');
}

// Every budget line of `plan` is listed under its activity in `report`, with its amount in Dutch
// money format.
async function checkLines(report, plan) {
  const tables = await report.evaluate(() => [...document.querySelectorAll('#activities h3')].map((h) => {
    const table = h.nextElementSibling;
    return {
      title: h.textContent,
      rows: table && table.tagName === 'TABLE'
        ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)) : [],
    };
  }));
  assert.deepEqual(tables.map((t) => t.title), plan.activities.map((a) => `Begrotingsregels: ${a.title}`));
  const organisations = Object.fromEntries(plan.organisations.map((o) => [o.id, o.name]));
  for (const [i, activity] of plan.activities.entries()) {
    assert.equal(tables[i].rows.length, activity.lines.length, activity.title);
    for (const [j, line] of activity.lines.entries()) {
      const [description, organisation, year, , , priceTimes, amount] = tables[i].rows[j];
      assert.equal(description, line.description);
      assert.equal(organisation, organisations[line.organisation_id]);
      assert.equal(year, String(line.year));
      assert.match(amount, /^€ \d{1,3}(\.\d{3})*,\d\d$/, `an amount in Dutch format: ${amount}`);
      if (!line.is_investment) assert.match(priceTimes, /^€ [\d.]+,\d\d × [\d.,]+/, priceTimes);
    }
  }
}

test('"Rapport downloaden" beside "Rapport afdrukken…": an .html file with a print button and every budget line', async (t) => {
  const { context, page } = await freshApp(t, session);
  const plan = await page.evaluate(() => JSON.parse(window.stoplan.planJson()).plan);
  await clickItem(page, 'Bestand');
  const print = await rectOf(page, 'Rapport afdrukken…');
  const download = await rectOf(page, 'Rapport downloaden');
  assert.ok(print && download, 'both in the Bestand menu');
  assert.ok(Math.abs(download.x - print.x) < 1 && download.y > print.y && download.y - print.y < 2 * print.height,
    `right below it: ${JSON.stringify({ print, download })}`);
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Rapport downloaden');
  const file = await downloading;
  assert.match(file.suggestedFilename(), /^techniekregio-voorbeeld.*-\d{4}-\d\d-\d\d-rapport\.html$/i);
  const html = readFileSync(await file.path(), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  // The print script is allowed by its hash and by nothing broader.
  const script = html.match(/<script>([^<]*)<\/script>/)[1];
  const hash = createHash('sha256').update(script).digest('base64');
  assert.match(html, new RegExp(`script-src 'sha256-${hash.replace(/[+/=]/g, '\\$&')}'">`));
  assert.equal(html.match(/<script/g).length, 1);

  // Opened as the file it is.
  const dir = mkdtempSync(join(tmpdir(), 'sto-report-'));
  const path = join(dir, file.suggestedFilename());
  writeFileSync(path, html);
  const report = await context.newPage();
  t.after(() => report.close());
  const refusals = [];
  report.on('console', (m) => { if (m.type() === 'error') refusals.push(m.text()); });
  await report.goto(pathToFileURL(path).href);
  await checkLines(report, plan);
  await checkPrintButton(report, refusals, 'Afdrukken');
  assert.deepEqual(page.problems, []);
});

test('"Rapport afdrukken…": the report tab has a working print button and lists every budget line', async (t) => {
  const { context, page } = await freshApp(t, session);
  const plan = await page.evaluate(() => JSON.parse(window.stoplan.planJson()).plan);
  await clickItem(page, 'Bestand');
  const opening = context.waitForEvent('page');
  await clickItem(page, 'Rapport afdrukken…');
  const report = await opening;
  const refusals = [];
  report.on('console', (m) => { if (m.type() === 'error') refusals.push(m.text()); });
  await report.waitForLoadState();
  await checkLines(report, plan);
  await checkPrintButton(report, refusals, 'Afdrukken');
  assert.deepEqual(page.problems, []);
});
