// What the compare screen and Mijn plannen say about changes: a changed budget line shows the
// effect on its amount beside the changed field (Dutch and English money format); Mijn plannen
// lists a plan by its region's current name after a rename; a version that joins several edits
// names them all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, freshApp, clickItem, typeInto, waitFrames, waitSaved, storedEntries } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const planFile = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
const status = (page) => page.evaluate(() => window.stoplan.storageStatus());
const screenshotDir = (dir) => process.env.STO_SCREENSHOT_DIR || dir;

// Whole euros and cents with the language's marks: "€ 48.000,00" / "€48,000.00".
function money(cents, language) {
  const [group, decimal, sign] = language === 'nl' ? ['.', ',', '€ '] : [',', '.', '€'];
  const whole = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return sign + whole + decimal + String(cents % 100).padStart(2, '0');
}

// The line "Externe trainers" 2025 of the sample: [activity index, line index].
function trainersLine(plan) {
  for (const [a, activity] of plan.activities.entries())
    for (const [l, line] of activity.lines.entries())
      if (line.description === 'Externe trainers' && line.year === 2025) return [a, l];
  throw new Error('no Externe trainers 2025');
}

test('a changed budget line shows its amount before and after beside the changed field', async (t) => {
  const { page } = await freshApp(t, session);
  const dir = mkdtempSync(join(tmpdir(), 'sto-compare-rows-'));
  // Download the plan, change a quantity in the file as a partner would, and compare with it.
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Plan downloaden…');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Downloaden');
  const sent = join(dir, (await downloading).suggestedFilename());
  await (await downloading).saveAs(sent);
  const copy = JSON.parse(readFileSync(sent, 'utf8'));
  const [a, l] = trainersLine(copy.plan);
  const line = copy.plan.activities[a].lines[l];
  const before = line.price_cents * line.quantity_milli / 1000;
  const quantity = line.quantity_milli / 1000 + 15;
  line.quantity_milli = quantity * 1000;
  const afterAmount = line.price_cents * quantity;
  const returned = join(dir, 'terug.json');
  writeFileSync(returned, JSON.stringify(copy, null, '\t'));

  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Vergelijken met bestand…');
  await (await choosing).setFiles(returned);
  const nl = `aantal: ${quantity - 15} → ${quantity}   (regelbedrag ${money(before, 'nl')} → ${money(afterAmount, 'nl')})`;
  await page.waitForFunction((label) => window.stoplan.itemRect(label) !== null, nl);
  await page.screenshot({ path: join(screenshotDir(dir), 'compare-line-amount.png') });

  await clickItem(page, 'English');
  const en = `quantity: ${quantity - 15} → ${quantity}   (line amount ${money(before, 'en')} → ${money(afterAmount, 'en')})`;
  await page.waitForFunction((label) => window.stoplan.itemRect(label) !== null, en);
  assert.deepEqual(page.problems, []);
});

test('Mijn plannen follows a renamed region, and a version names every edit it joins', async (t) => {
  const { page } = await freshApp(t, session);
  // Two edits of a budget line and a new region name, each saved, all within a minute.
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '55');
  await waitSaved(page);
  const id = (await status(page)).plan_id;
  const index = async () => JSON.parse((await storedEntries(page))['sto-planner/index']).plans.find((p) => p.id === id);
  const firstName = (await index()).name;
  assert.equal(firstName, (await planFile(page)).plan.region.name);
  await typeInto(page, '##price', '1.250');
  await waitSaved(page);
  await clickItem(page, 'Regio & partners');
  await typeInto(page, '##region_name', 'Techniekregio Oost');
  await waitSaved(page);

  assert.equal((await index()).name, 'Techniekregio Oost', 'the list follows the region name');
  const versions = (await index()).versions;
  assert.equal(versions.length, 1, 'the three edits joined one version');
  await clickItem(page, 'Mijn plannen');
  assert.ok(await itemRect(page, 'Techniekregio Oost (geopend)'), 'listed by the new name');
  assert.equal(await itemRect(page, `${firstName} (geopend)`), null, 'not by the old one');
  const label = 'Aantal gewijzigd: Externe trainers 2025; Prijs gewijzigd: Externe trainers 2025; ' +
    'Regionaam gewijzigd (3 wijzigingen)';
  assert.ok(await itemRect(page, label), `the version says "${label}"`);
  assert.deepEqual(page.problems, []);
});
