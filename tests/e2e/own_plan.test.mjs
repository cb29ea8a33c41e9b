// The example plan becomes one's own: "Als eigen plan verder" in the Voorbeeldplan banner makes a
// new plan of it in one click (a lineage id of its own, no longer an example, every figure the
// same, kept in Mijn plannen) and opens its title to edit; the example stays available. The same
// by keyboard alone, through the accessibility mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, freshApp, clickItem, typeInto, waitFrames, waitSaved, storedEntries } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const planFile = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
const summary = (page) => page.evaluate(() => window.stoplan.summaryJson());
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
const status = (page) => page.evaluate(() => window.stoplan.storageStatus());
const screenshotDir = () => process.env.STO_SCREENSHOT_DIR || mkdtempSync(join(tmpdir(), 'sto-own-plan-'));
const storedIndex = async (page) => JSON.parse((await storedEntries(page))['sto-planner/index']);

test('"Als eigen plan verder" makes the example a plan of ones own in one click', async (t) => {
  const { page } = await freshApp(t, session);
  const example = await planFile(page);
  assert.equal(example.plan.is_example, true, 'the app opens the example plan');
  const figures = await summary(page);
  assert.ok(await itemRect(page, 'Als eigen plan verder'), 'the banner offers the button');
  const shots = screenshotDir();
  await page.screenshot({ path: join(shots, 'example-banner.png') });

  await clickItem(page, 'Als eigen plan verder');
  await waitSaved(page);
  await waitFrames(page, 3);
  await page.screenshot({ path: join(shots, 'own-plan-settings.png') });

  const own = await planFile(page);
  assert.equal(own.plan.is_example, false);
  assert.match(own.plan.lineage.plan_id, /^[0-9a-f]+-[0-9a-f]{16}$/, 'a lineage id as a new plan gets');
  assert.notEqual(own.plan.lineage.plan_id, example.plan.lineage.plan_id);
  // Every figure and all content as they were: only the example mark and the lineage differ.
  const ownFigures = await summary(page);
  assert.equal(ownFigures.is_example, false);
  assert.deepEqual({ ...ownFigures, is_example: undefined }, { ...figures, is_example: undefined });
  const strip = (file) => ({ ...file.plan, is_example: undefined, lineage: undefined });
  assert.deepEqual(strip(own), strip(example));
  // The banner is gone, and the plan is kept in Mijn plannen under its own entry.
  await waitFrames(page, 3);
  assert.equal(await itemRect(page, 'Als eigen plan verder'), null);
  const id = (await status(page)).plan_id;
  assert.notEqual(id, '');
  const listed = (await storedIndex(page)).plans.filter((p) => !p.deleted);
  assert.deepEqual(listed.map((p) => p.id), [id]);
  assert.equal(listed[0].name, own.plan.region.name || own.plan.title);

  // Opened at its title and notes, which still say "fictief": both can be edited.
  assert.ok(await itemRect(page, '##title'), 'Instellingen is open at the title field');
  assert.ok(await itemRect(page, '##notes'), 'the notes field is on screen');
  await typeInto(page, '##title', 'Regioplan Techniek Oost 2025-2028');
  assert.equal((await planFile(page)).plan.title, 'Regioplan Techniek Oost 2025-2028');
  await waitSaved(page);

  // The example is still there to open, as it was.
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Voorbeeldplan openen');
  const again = await planFile(page);
  assert.equal(again.plan.is_example, true);
  assert.equal(again.plan.title, example.plan.title);
  assert.ok(await itemRect(page, 'Als eigen plan verder'));
  const stillListed = (await storedIndex(page)).plans.filter((p) => !p.deleted);
  assert.deepEqual(stillListed.map((p) => p.id), [id], 'the own plan stays in Mijn plannen');
  assert.deepEqual(page.problems, []);
});

test('the button is reached and pressed with the keyboard, through the accessibility mirror', async (t) => {
  const { page } = await freshApp(t, session);
  let reached = false;
  for (let i = 0; i < 60 && !reached; ++i) {
    await page.keyboard.press('Tab');
    await waitFrames(page, 2);
    reached = await page.evaluate(() => {
      const e = document.activeElement;
      return (e.getAttribute('aria-label') || e.textContent) === 'Als eigen plan verder';
    });
  }
  assert.ok(reached, 'Tab reaches "Als eigen plan verder"');
  await page.keyboard.press('Enter');
  await waitFrames(page, 4);
  await waitSaved(page);
  assert.equal((await planFile(page)).plan.is_example, false);
  assert.deepEqual(page.problems, []);
});
