// Issue 18 item 10: an amount cut off on its left reads as another number ("220.000,00" for
// € 4.220.000,00). In every section, at 1024, 1280, 1366 and 1920 pixels, in Dutch and English,
// with and without presentation mode, no text with a figure in it is drawn wider than its cell or
// past the bottom of a card: the app notes each text that runs past the visible part of its cell
// (window.stoplan.cutTexts()). Issue 27 item 4: nor is a figure wrapped over two lines
// ("Minimum € 422.000," / "00"): the app notes each wrapped text with a line break inside a figure.
// With STO_SCREENSHOT_DIR set, each view is also saved as a PNG there, to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, freshApp, clickItem, waitFrames } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const screenshots = process.env.STO_SCREENSHOT_DIR;
const samples = new URL('../../assets/samples/', import.meta.url);

// Clicks a sidebar section through its mirror element (not the button that folds the sidebar
// away); the sidebar is the same in every mode.
async function openSection(page, index) {
  await page.evaluate((i) => document.querySelectorAll('#access nav button:not([aria-expanded])')[i].click(), index);
  await waitFrames(page, 4);
}

// A text that is or holds an amount, a percentage or a count: money, "%", or only number signs.
const isFigure = (text) => /\d/.test(text) && (/[€%]/.test(text) || /^[\s\d.,+\-−]+$/.test(text));

// How many elements of the accessibility mirror hold exactly `text`.
const mirrorTexts = (page, text) => page.evaluate((w) =>
  [...document.querySelectorAll('#access *')].filter((e) => e.textContent === w && e.children.length === 0).length, text);

// The texts of the current view that hold a figure and are cut, or wrapped with a line break
// inside a figure ("split": "€ 422.000, | 00").
async function cutFigures(page) {
  await waitFrames(page, 2);
  return (await page.evaluate(() => window.stoplan.cutTexts())).filter((cut) => cut.split || isFigure(cut.text));
}

// A cut text as a test's problem line.
const described = (cut) => (cut.split
  ? `"${cut.text}" split over two lines at "${cut.split}"`
  : `"${cut.text}" drawn ${cut.x}..${cut.x + cut.width} x ${cut.y}..${cut.y + cut.height}, cell ${cut.cell_x}..${cut.cell_x + cut.cell_width}`);

for (const [width, height] of [[1024, 730], [1280, 800], [1366, 768], [1920, 800]]) {
  test(`no figure is cut off or split over two lines at ${width} × ${height} pixels, in Dutch and English, with and without presentation mode`, async (t) => {
    const { page } = await freshApp(t, session, { viewport: { width, height } });
    // Combine the three sample plans, so "Plannen combineren" has its table too.
    const files = ['voorbeeldregio.json', 'klein-voorbeeld-2020.json', 'verlenging-2024.json'].map((name) => ({
      name, text: readFileSync(new URL(name, samples), 'utf8'),
    }));
    await page.evaluate((list) => window.stoplan.combineFiles(
      list.map((f) => new File([f.text], f.name, { type: 'application/json' }))), files);
    await waitFrames(page, 4);
    // And compare the plan with another, so "Vergelijken" shows its changes and figures.
    await page.evaluate((f) => window.stoplan.compareFile(new File([f.text], f.name, { type: 'application/json' })), files[2]);
    await waitFrames(page, 4);

    const problems = [];
    let views = 0;
    for (const language of ['nl', 'en']) {
      for (const presentation of [false, true]) {
        if ((await page.evaluate(() => window.stoplan.uiState().presentation)) !== presentation) {
          await clickItem(page, language === 'nl' ? 'Bestand' : 'File');
          await clickItem(page, language === 'nl' ? 'Presentatiemodus' : 'Presentation mode');
        }
        assert.equal((await page.evaluate(() => window.stoplan.uiState())).presentation, presentation);
        const sections = await page.evaluate(() => [...document.querySelectorAll('#access nav button:not([aria-expanded])')].map((b) => b.textContent));
        assert.equal(sections.length, 13);
        for (let i = 0; i < sections.length; ++i) {
          await openSection(page, i);
          ++views;
          for (const cut of await cutFigures(page))
            problems.push(`${language}${presentation ? ' presentation' : ''} ${sections[i]}: ${described(cut)}`);
          if (screenshots)
            await page.screenshot({ path: join(screenshots, `${width}-${language}${presentation ? '-presentation' : ''}-${i}.png`) });
        }
      }
      await clickItem(page, language === 'nl' ? 'Presentatiemodus verlaten' : 'Leave presentation mode');
      if (language === 'nl') {
        await clickItem(page, 'English');
        assert.equal((await page.evaluate(() => window.stoplan.uiState())).language, 'en');
      }
    }
    assert.equal(views, 52);
    assert.deepEqual(problems, []);
    assert.deepEqual(page.problems, []);
  });
}

test('the budget grid at 1024 pixels scrolls sideways to show amounts whole; one too long ends in "…" and shows whole on hover', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1024, height: 800 } });
  // A line of over a hundred million euros: more than the amount column makes room for.
  const plan = JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
  const line = plan.plan.activities.flatMap((a) => a.lines).find((l) => !l.is_investment);
  line.price_cents = 12345678901;
  line.quantity_milli = 1000;
  assert.equal((await page.evaluate((text) => window.stoplan.loadPlanJson(text), JSON.stringify(plan))).ok, true);
  await clickItem(page, 'Begroting');
  assert.deepEqual(await cutFigures(page), [], 'no figure is cut');
  // Scrolled sideways, as with a touchpad, the amount column comes into view.
  const grid = await page.evaluate(() => window.stoplan.itemRect('Omschrijving'));
  for (let i = 0; i < 5; ++i) {
    await page.mouse.move(grid.x + 20, grid.y + 60);
    await page.mouse.wheel(400, 0);
    await waitFrames(page, 2);
  }
  const amount = await page.evaluate(() => window.stoplan.itemRect('€ 39.000,00'));
  assert.ok(amount && amount.x >= 0 && amount.x + amount.width <= 1024, `an amount on screen, whole: ${JSON.stringify(amount)}`);
  assert.deepEqual(await cutFigures(page), []);

  const whole = '€ 123.456.789,01';
  const cell = await page.evaluate((w) => window.stoplan.itemRect(w), whole);
  assert.ok(cell && cell.x >= 0 && cell.x + cell.width <= 1024, `the long amount is drawn shortened, in its cell: ${JSON.stringify(cell)}`);
  // Screen readers get the whole amount; the mouse over it adds the tooltip with the whole amount.
  assert.equal(await mirrorTexts(page, whole), 1, 'the mirror holds the whole amount');
  await page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2);
  await waitFrames(page, 3);
  assert.equal(await mirrorTexts(page, whole), 2, `the tooltip shows ${whole}`);
  assert.deepEqual(await cutFigures(page), []);
  if (screenshots) await page.screenshot({ path: join(screenshots, 'long-amount-hover.png') });
  assert.deepEqual(page.problems, []);
});
