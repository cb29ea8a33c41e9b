// Comparing with a returned copy ("Vergelijken met bestand…"): the sample is downloaded, a second
// browser changes two budget lines and an organisation and downloads its copy, the first compares
// with it, takes over one change and not the others, undoes and redoes; the figures shown are
// those `stoplan summary` gives for the plan expected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, freshApp, clickItem, waitFrames } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const stoplan = process.env.STO_STOPLAN || join(here, '..', '..', 'build', 'native', 'stoplan');

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const planFile = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
const summary = async (page) => page.evaluate(() => window.stoplan.summaryJson());

async function download(page, dir) {
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Plan downloaden…');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Downloaden');
  const file = join(dir, (await downloading).suggestedFilename());
  await (await downloading).saveAs(file);
  return file;
}

// Scrolls the section with the mouse wheel until the item with that label is on screen.
async function scrollTo(page, label) {
  for (let i = 0; i < 40; ++i) {
    const rect = await page.evaluate((l) => window.stoplan.itemRect(l), label);
    if (rect && rect.y >= 0 && rect.y + rect.height <= 790) return;
    await page.mouse.move(800, 500);
    await page.mouse.wheel(0, rect && rect.y < 0 ? -150 : 150);
    await waitFrames(page, 3);
  }
  throw new Error(`"${label}" never came on screen`);
}

// What `stoplan summary --json` says of a plan file's content.
function cliSummary(dir, file) {
  const path = join(dir, 'expected.json');
  writeFileSync(path, JSON.stringify(file));
  return JSON.parse(execFileSync(stoplan, ['summary', path, '--json'], { encoding: 'utf8' }));
}

test('compare with a returned copy: take over one change, reject the others, undo, redo', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sto-compare-'));
  const { page } = await freshApp(t, session);
  const sent = await download(page, dir);
  const original = JSON.parse(readFileSync(sent, 'utf8'));

  // The partner's browser: the sent file with two budget lines and an organisation changed.
  const { page: partner } = await freshApp(t, session);
  const returned = structuredClone(original);
  const first = returned.plan.activities[0].lines[0];
  const second = returned.plan.activities[1].lines[1];
  first.price_cents += 2500;
  second.quantity_milli += 4000;
  returned.plan.organisations[5].name = 'Metaalbouw Fictief Holding BV';
  const loaded = await partner.evaluate((text) => window.stoplan.loadPlanJson(text), JSON.stringify(returned));
  assert.equal(loaded.ok, true, loaded.error);
  await waitFrames(partner, 3);
  const copy = await download(partner, mkdtempSync(join(tmpdir(), 'sto-partner-')));

  // Back in the first browser: compare with the returned copy.
  const before = await summary(page);
  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Vergelijken met bestand…');
  await (await choosing).setFiles(copy);
  await page.waitForFunction(() => window.stoplan.itemRect('0 gekozen van 3 wijzigingen') !== null);
  const activity = (i) => original.plan.activities[i];
  const lineChange = (a, l) => {
    const line = activity(a).lines[l];
    return `Regel '${line.description}' ${line.year} in activiteit '${activity(a).title}' gewijzigd`;
  };
  const taken = lineChange(1, 1);
  assert.ok(await page.evaluate((l) => window.stoplan.itemRect(l), lineChange(0, 0)), 'the other line is listed');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect("Organisatie 'Metaalbouw Fictief Holding BV' gewijzigd")));
  await page.screenshot({ path: join(process.env.STO_SCREENSHOT_DIR || dir, 'compare-list.png') });
  await scrollTo(page, taken);
  await clickItem(page, taken);  // take this one over; the others stay unchosen (rejected)
  await page.waitForFunction(() => window.stoplan.itemRect('1 gekozen van 3 wijzigingen') !== null);
  await page.screenshot({ path: join(process.env.STO_SCREENSHOT_DIR || dir, 'compare-chosen.png') });
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');

  const expected = structuredClone(original);
  expected.plan.activities[1].lines[1].quantity_milli = second.quantity_milli;
  const expectedSummary = cliSummary(dir, expected);
  const applied = await summary(page);
  assert.deepEqual(applied, expectedSummary, 'the figures shown are those of the expected plan');
  const now = (await planFile(page)).plan;
  assert.equal(now.activities[0].lines[0].price_cents, original.plan.activities[0].lines[0].price_cents, 'the rejected line is untouched');
  assert.equal(now.organisations[5].name, original.plan.organisations[5].name, 'the rejected organisation is untouched');
  // The two changes not taken over are still listed.
  await page.waitForFunction(() => window.stoplan.itemRect('0 gekozen van 2 wijzigingen') !== null);

  await page.keyboard.press('Control+KeyZ');
  await waitFrames(page, 3);
  assert.deepEqual(await summary(page), before, 'one undo takes the whole step back');
  await page.keyboard.press('Control+KeyY');
  await waitFrames(page, 3);
  assert.deepEqual(await summary(page), expectedSummary, 'redo takes it over again');

  await page.screenshot({ path: join(process.env.STO_SCREENSHOT_DIR || dir, 'compare.png') });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(partner.problems, []);
});
