// Issue 17 item 6: the budget grid's columns cut their text ("Inventaris en", "Techniek Colle").
// Columns can be made wider by dragging their border, and this browser remembers the widths
// (a reload keeps them, another browser profile does not); a cell whose text is cut shows the
// whole text as a tooltip on hover and on keyboard focus, and screen readers get the whole text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, freshApp, loadApp, clickItem, settledRect, waitFrames } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);

// The mirror's field elements (access.js) for the budget grid's description cells: the whole
// value, and where the field is on screen.
function descriptionFields(page) {
  return page.evaluate(() => [...document.querySelectorAll('#access input')]
    .filter((e) => /^Omschrijving/.test(e.getAttribute('aria-label') || ''))
    .map((e) => {
      const r = e.getBoundingClientRect();
      return { value: e.value, id: e.dataset.stoId, x: r.x, y: r.y, width: r.width, height: r.height };
    }));
}

test('a budget column made wider by dragging its border keeps its width after a reload, in this browser only', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Begroting');
  const before = await settledRect(page, 'Omschrijving');  // where the border is, once laid out
  assert.ok(before, 'the description column header');
  // Drag the border on the header's right edge 90 pixels to the right (the stretching neighbour
  // gives up part of it).
  const y = before.y + before.height / 2;
  await page.mouse.move(before.x + before.width - 1, y);
  await waitFrames(page, 2);
  await page.mouse.down();
  for (let dx = 10; dx <= 90; dx += 10) {
    await page.mouse.move(before.x + before.width - 1 + dx, y);
    await waitFrames(page, 1);
  }
  await page.mouse.up();
  await waitFrames(page, 3);
  const widened = await itemRect(page, 'Omschrijving');
  assert.ok(widened.width > before.width + 40, `the column is wider: ${before.width} → ${widened.width}`);

  // The same browser, after a reload: the same width.
  await loadApp(page, session.url);
  await clickItem(page, 'Begroting');
  const reloaded = await itemRect(page, 'Omschrijving');
  assert.ok(Math.abs(reloaded.width - widened.width) <= 1, `remembered: ${widened.width} → ${reloaded.width}`);

  // Another browser profile starts from the default widths.
  const { page: other } = await freshApp(t, session);
  await clickItem(other, 'Begroting');
  assert.ok(Math.abs((await itemRect(other, 'Omschrijving')).width - before.width) <= 1, 'not in another browser');
  assert.deepEqual(page.problems, []);
});

test('a cut description shows its whole text as a tooltip on hover and on keyboard focus; screen readers get all of it', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Begroting');
  const descriptions = (JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan.activities)
    .flatMap((a) => a.lines.map((l) => l.description));
  const fields = await descriptionFields(page);
  assert.ok(fields.length > 5, 'the grid\'s description fields are in the mirror');
  for (const field of fields) assert.ok(descriptions.includes(field.value), `the mirror holds the whole text "${field.value}"`);
  // A long one, cut in its cell at 1280 pixels ("Installatietechniek leerp…").
  const cut = fields.find((f) => f.value.length > 30);
  assert.ok(cut, 'a description longer than its cell');
  assert.equal(await itemRect(page, cut.value), null, 'no tooltip before');

  await page.mouse.move(cut.x + cut.width / 2, cut.y + cut.height / 2);
  await waitFrames(page, 3);
  const hovered = await itemRect(page, cut.value);
  assert.ok(hovered && hovered.width > cut.width, `the tooltip shows "${cut.value}" whole: ${JSON.stringify(hovered)}`);

  // Keyboard: the mouse goes away, the field gets the focus (as Tab through the mirror gives it).
  await page.mouse.move(5, 790);
  await waitFrames(page, 3);
  assert.equal(await itemRect(page, cut.value), null, 'the tooltip goes with the mouse');
  await page.evaluate((id) => document.querySelector(`#access input[data-sto-id="${id}"]`).focus(), cut.id);
  await waitFrames(page, 4);
  assert.ok(await itemRect(page, cut.value), 'the tooltip shows while the field has the keyboard focus');

  // A short description that fits gets no tooltip on hover.
  const short = fields.reduce((a, b) => (b.value.length < a.value.length ? b : a));
  await page.mouse.move(short.x + short.width / 2, short.y + short.height / 2);
  await waitFrames(page, 3);
  assert.equal(await itemRect(page, short.value), null, 'a text that fits has no tooltip');
  assert.deepEqual(page.problems, []);
});

test('a cut activity name in the grid ends in "…" and shows whole on hover', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Begroting');
  const title = JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan.activities[0].title;
  const mirrorTexts = () => page.evaluate((w) =>
    [...document.querySelectorAll('#access *')].filter((e) => e.textContent === w && e.children.length === 0).length, title);
  const cell = await itemRect(page, title);
  assert.ok(cell, `the cell of "${title}"`);
  assert.ok(!(await page.evaluate(() => window.stoplan.cutTexts())).some((c) => c.text.startsWith(title.slice(0, 6))),
    'drawn shortened, not cut');
  const rows = await mirrorTexts();
  assert.ok(rows > 0, 'screen readers get the whole name');
  await page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2);
  await waitFrames(page, 3);
  assert.equal(await mirrorTexts(), rows + 1, `the tooltip shows "${title}" whole`);
  assert.deepEqual(page.problems, []);
});
