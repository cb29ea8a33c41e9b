// Issue 27, item 1: a click is answered in full, without moving the mouse. Each step below is one
// real mouse click (page.mouse.click: down and up at once, as a quick user does) with no mouse move
// after it and no frames asked for by the test: the test only waits until the app stops drawing by
// itself (frameCount still for 300 ms), then checks from the items of the last frame drawn
// (window.stoplan.items(): labels, rectangles and whether each was wholly shown) that the step
// arrived: its dialog is open and laid out, nothing of it cut off, nothing of the step before left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, freshApp } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const visiblePart = (label) => label.split('##')[0];
const matches = (item, label) => item.label === label || (visiblePart(item.label) !== '' && visiblePart(item.label) === label);
const items = (page) => page.evaluate(() => window.stoplan.items());
const frameCount = (page) => page.evaluate(() => window.stoplan.frameCount());
const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;

// Waits until the app has stopped drawing on its own: frameCount unchanged for `quietMs`. Never asks
// for frames. Returns the number of frames drawn since `since`.
async function untilIdle(page, since, quietMs = 300) {
  return page.evaluate(([start, quiet]) => new Promise((resolve, reject) => {
    const began = performance.now();
    let last = window.stoplan.frameCount(), still = performance.now();
    const check = () => {
      const now = window.stoplan.frameCount();
      if (now !== last) { last = now; still = performance.now(); }
      if (performance.now() - still >= quiet) resolve(now - start);
      else if (performance.now() - began > 20000) reject(new Error('the app kept drawing for 20 s'));
      else setTimeout(check, 10);
    };
    check();
  }), [since, quietMs]);
}

// The drawn items with that label (full, or the visible part before "##") in the last frame; an
// item some widgets record twice (the hooks and the widget helper) counts once.
async function drawn(page, label) {
  const seen = new Set();
  return (await items(page)).filter((item) => {
    const key = JSON.stringify([visiblePart(item.label), item.x, item.y, item.width, item.height]);
    if (!matches(item, label) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Asserts that the last frame drew `count` items labelled `label` (any number but none when
// `count` is undefined), each wholly shown.
async function assertShown(page, label, what, count = undefined) {
  const found = await drawn(page, label);
  if (count === undefined) assert.ok(found.length > 0, `${what}: "${label}" is drawn`);
  else assert.equal(found.length, count, `${what}: ${count} × "${label}" drawn (found ${found.length})`);
  for (const item of found) assert.ok(item.visible, `${what}: "${label}" is wholly shown, not cut off: ${JSON.stringify(item)}`);
}

async function assertGone(page, label, what) {
  assert.deepEqual(await drawn(page, label), [], `${what}: "${label}" is no longer drawn`);
}

const framesPerClick = [];

// One click on the item labelled `label` (the `index`-th of that label) where the last frame drew
// it, then nothing until the app is idle. Returns the frames the click took.
// A button cut off by its cell ("Investering…" in a narrow price column) is clicked near its left
// end (`partly`).
async function clickOnce(page, label, what, { index = 0, partly = false } = {}) {
  await untilIdle(page, 0);
  const found = await drawn(page, label);
  assert.ok(found.length > index, `${what}: "${label}" is drawn before the click`);
  const rect = found[index];
  assert.ok(rect.visible || partly, `${what}: "${label}" is wholly shown before the click: ${JSON.stringify(rect)}`);
  const start = await frameCount(page);
  await page.mouse.click(rect.x + (partly ? Math.min(rect.width / 2, 20) : rect.width / 2), rect.y + rect.height / 2);
  const frames = await untilIdle(page, start);
  framesPerClick.push({ what, frames });
  return frames;
}

test('every step of the new-plan wizard arrives with one click and no mouse move', async (t) => {
  const { page } = await freshApp(t, session);
  await clickOnce(page, 'Bestand', 'the File menu');
  await assertShown(page, 'Nieuw plan', 'the File menu is open');
  await assertShown(page, 'Plan downloaden…', 'the File menu is open');

  await clickOnce(page, 'Nieuw plan', 'Nieuw plan');
  await assertShown(page, '1. Regio', 'step 1');
  await assertShown(page, 'Naam van de regio', 'step 1');
  await assertShown(page, 'Volgende', 'step 1');
  await assertShown(page, 'Annuleren', 'step 1');

  // A combo's list opens the frame after the click and is measured the frame after that.
  await clickOnce(page, 'Soort regio', 'the region type list');
  const regionTypes = (await items(page)).filter((item) => item.label.startsWith('Techniek') || /regio/i.test(item.label));
  assert.ok(regionTypes.length > 0);
  await page.keyboard.press('Escape');
  await untilIdle(page, 0);

  await clickOnce(page, 'Naam van de regio', 'the region name field');
  await page.keyboard.type('Techniekregio Eenklik');
  await untilIdle(page, 0);

  await clickOnce(page, 'Volgende', 'step 1 → 2');
  await assertShown(page, '2. Regeling', 'step 2');
  await assertShown(page, 'Regeling', 'step 2');
  await assertShown(page, 'Terug', 'step 2');
  await assertShown(page, 'Volgende', 'step 2');
  await assertGone(page, 'Naam van de regio', 'step 2');
  await page.screenshot({ path: process.env.STO_SETTLE_SHOT_DIR ? `${process.env.STO_SETTLE_SHOT_DIR}/settle-step2.png` : '/tmp/settle-step2.png' });

  await clickOnce(page, 'Volgende', 'step 2 → 3');
  await assertShown(page, '3. Partners', 'step 3');
  // The partner table whole: five rows of name, BRIN and remove button, and the buttons below it.
  await assertShown(page, '##name', 'step 3 (partner table)', 5);
  await assertShown(page, '##brin', 'step 3 (partner table)', 5);
  await assertShown(page, '×', 'step 3 (partner table)', 5);
  await assertShown(page, '+ Partner', 'step 3');
  await assertShown(page, 'Plan maken', 'step 3');
  await assertGone(page, 'Regeling', 'step 3');
  const lastRow = (await drawn(page, '×')).at(-1);
  const create = (await drawn(page, 'Plan maken'))[0];
  assert.ok(lastRow.y + lastRow.height <= create.y, 'the table ends above the buttons below it');
  await page.screenshot({ path: process.env.STO_SETTLE_SHOT_DIR ? `${process.env.STO_SETTLE_SHOT_DIR}/settle-step3.png` : '/tmp/settle-step3.png' });

  await clickOnce(page, '+ Partner', 'a sixth partner row');
  await assertShown(page, '×', 'six partner rows', 6);
  await assertShown(page, 'Plan maken', 'the dialog grew with its table');

  await clickOnce(page, 'Terug', 'step 3 → 2');
  await assertShown(page, 'Regeling', 'back at step 2');
  await assertGone(page, '+ Partner', 'back at step 2');
  await clickOnce(page, 'Volgende', 'step 2 → 3 again');
  await assertShown(page, '×', 'step 3 again', 6);

  await clickOnce(page, 'Plan maken', 'Plan maken');
  await assertGone(page, 'Plan maken', 'the wizard closed');
  await assertGone(page, '3. Partners', 'the wizard closed');
  assert.equal((await plan(page)).region.name, 'Techniekregio Eenklik');
  t.diagnostic(JSON.stringify(framesPerClick.splice(0)));
  assert.deepEqual(page.problems, []);
});

test('every dialog and popup opens and closes with one click and no mouse move', async (t) => {
  const { page } = await freshApp(t, session);

  // Begroting → "Investering…" on a line with an investment: its window, laid out.
  await clickOnce(page, 'Begroting', 'the budget section');
  await assertShown(page, '##budget_filter', 'the budget section');
  const line = (await plan(page)).activities.flatMap((a) => a.lines).find((l) => l.is_investment);
  await clickOnce(page, '##budget_filter', 'the budget filter');
  await page.keyboard.type(line.description);
  await untilIdle(page, 0);
  await clickOnce(page, 'Investering…', 'Investering…', { partly: true });
  for (const field of ['##purchase_price', '##purchase_date', '##economic_life_months_years', '##economic_life_months_unit', '##project_use_bp',
      'Totaal in de periode'])
    await assertShown(page, field, 'the investment window');
  await assertShown(page, 'Sluiten', 'the investment window');
  await clickOnce(page, 'Sluiten', 'closing the investment window');
  await assertGone(page, '##purchase_price', 'the investment window closed');

  // "+ Nieuwe regel" without a filter: a menu of the activities, opened a frame after the click.
  await clickOnce(page, '##budget_filter', 'the budget filter');
  await page.keyboard.press('Control+KeyA');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await untilIdle(page, 0);
  await clickOnce(page, '+ Nieuwe regel', 'the new-line menu');
  await assertShown(page, 'Nieuwe regel in activiteit:', 'the new-line menu');
  await page.keyboard.press('Escape');
  await untilIdle(page, 0);

  // Bestand → Plan downloaden…: the dialog with its field and buttons.
  await clickOnce(page, 'Bestand', 'the File menu');
  await clickOnce(page, 'Plan downloaden…', 'Plan downloaden…');
  await assertShown(page, 'Bestandsnaam', 'the download dialog');
  await assertShown(page, 'Downloaden', 'the download dialog');
  await assertShown(page, 'Annuleren', 'the download dialog');
  await clickOnce(page, 'Annuleren', 'closing the download dialog');
  await assertGone(page, 'Bestandsnaam', 'the download dialog closed');

  // Bestand → Deellink maken…: the link is made by the page, then the dialog shows it.
  await clickOnce(page, 'Bestand', 'the File menu');
  await clickOnce(page, 'Deellink maken…', 'Deellink maken…');
  await page.waitForFunction(() => window.stoplan.items().some((item) => item.label === '##share_link'));
  await untilIdle(page, 0);
  await assertShown(page, '##share_link', 'the share dialog');
  await assertShown(page, 'Sluiten', 'the share dialog');
  await clickOnce(page, 'Sluiten', 'closing the share dialog');
  await assertGone(page, '##share_link', 'the share dialog closed');

  // Help → Sneltoetsen: a dialog with a table of keys; its last row and the button below shown.
  await clickOnce(page, 'Help', 'the Help menu');
  await clickOnce(page, 'Sneltoetsen', 'Sneltoetsen');
  const keys = (await items(page)).filter((item) => /Ctrl\+C|Kopiëren|plakken/i.test(item.label));
  assert.ok(keys.length > 0 && keys.every((item) => item.visible), 'the last row of the shortcuts is shown');
  await assertShown(page, 'Sluiten', 'the shortcuts dialog');
  await clickOnce(page, 'Sluiten', 'closing the shortcuts dialog');
  assert.ok((await items(page)).every((item) => !/Ctrl\+C/.test(item.label)), 'the shortcuts dialog closed');

  // Every section of the sidebar, Vergelijken and Mijn plannen included: its heading is drawn.
  for (const section of ['Overzicht', 'Regio & partners', 'Doelen & indicatoren', 'Activiteiten', 'Cofinanciering',
    "Scenario's", 'Landelijk overzicht', 'Plannen combineren', 'Mijn plannen', 'Vergelijken', 'Instellingen', 'Begroting']) {
    const before = await items(page);
    await clickOnce(page, section, `the section ${section}`);
    const after = await items(page);
    assert.notDeepEqual(after.map((i) => i.label), before.map((i) => i.label), `${section}: the page changed`);
  }

  // Bewerken → Geschiedenis…: a window of its own (last: it lies over the sidebar).
  await clickOnce(page, 'Bewerken', 'the Edit menu');
  await clickOnce(page, 'Geschiedenis…', 'Geschiedenis…');
  await assertShown(page, 'Begin (plan geopend)', 'the history window');
  t.diagnostic(JSON.stringify(framesPerClick.splice(0)));
  assert.deepEqual(page.problems, []);
});

// Most frames drawn after an event repeat the picture on screen; those skip the GPU
// (web/frame/repeated_frame.h) and the canvas keeps showing the last picture rendered.
test('a frame that repeats the picture on screen is not rendered, and the picture stays', async (t) => {
  const { page } = await freshApp(t, session);
  const times = () => page.evaluate(() => ({ drawn: window.stoplan.frameCount(), rendered: window.stoplan.frameTimes().rendered }));
  await clickOnce(page, 'Begroting', 'the budget section');
  const shown = await page.screenshot();
  const before = await times();
  assert.ok(before.rendered < before.drawn, `some frames repeated the picture: ${before.rendered} of ${before.drawn} rendered`);
  await page.evaluate(() => window.stoplan.requestFrames());  // frames that change nothing
  await untilIdle(page, 0);
  const after = await times();
  assert.ok(after.drawn > before.drawn, 'frames were drawn');
  assert.equal(after.rendered, before.rendered, 'none of them rendered');
  assert.ok(shown.equals(await page.screenshot()), 'the picture on screen is the same');
  await clickOnce(page, 'Overzicht', 'the overview');
  assert.ok((await times()).rendered > after.rendered, 'a change is rendered');
  await assertShown(page, 'Totale kosten', 'the overview');
});

test('a WebGL context the browser took away and gave back: the app is drawn again', async (t) => {
  // As Safari does with a tab in the background on an iPad: the context comes back empty.
  const { page } = await freshApp(t, session);
  await clickOnce(page, 'Begroting', 'the budget section');
  const shown = await page.screenshot();
  const lost = await page.evaluate(() => new Promise((resolve) => {
    const canvas = document.getElementById('canvas');
    window.__loseContext = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
    canvas.addEventListener('webglcontextlost', () => resolve(true), { once: true });
    window.__loseContext.loseContext();
  }));
  assert.ok(lost, 'the context was lost');
  const before = await page.evaluate(() => window.stoplan.frameTimes().rendered);
  await page.evaluate(() => new Promise((resolve) => {
    document.getElementById('canvas').addEventListener('webglcontextrestored', () => resolve(), { once: true });
    window.__loseContext.restoreContext();
  }));
  await untilIdle(page, 0);
  assert.ok((await page.evaluate(() => window.stoplan.frameTimes().rendered)) > before,
    'the whole picture is rendered again');
  assert.ok(shown.equals(await page.screenshot()), 'the picture on screen is the one before');
  await clickOnce(page, 'Overzicht', 'the overview');
  await assertShown(page, 'Totale kosten', 'the overview after the context came back');
  assert.deepEqual(page.problems, []);
});

test('no frames while idle after the clicks settled', async (t) => {
  const { page } = await freshApp(t, session);
  await clickOnce(page, 'Bestand', 'the File menu');
  await clickOnce(page, 'Nieuw plan', 'Nieuw plan');
  const start = await frameCount(page);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await frameCount(page), start, 'no frames while idle');
  framesPerClick.splice(0);
});
