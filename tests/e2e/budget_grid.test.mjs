// Issue 17 item 6: the budget grid's columns cut their text ("Inventaris en", "Techniek Colle").
// Columns can be made wider by dragging their border, and this browser remembers the widths
// (a reload keeps them, another browser profile does not); a cell whose text is cut shows the
// whole text as a tooltip on hover and on keyboard focus, and screen readers get the whole text.
// Issue 27 item 4: the line being edited shows all its texts whole under the grid, and a filter on
// one activity gives its column's room to the others.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, freshApp, loadApp, clickItem, settledRect, waitFrames, scrollDetailsTo, typeInto } from './helpers.mjs';

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
  // The press in a frame of its own: a move in the same frame puts it 10 pixels off the border.
  await waitFrames(page, 2);
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

// The line detail under the grid: the mirror's text that starts "Omschrijving: " (null if none).
const lineDetail = (page) => page.evaluate(() => [...document.querySelectorAll('#access *')]
  .map((e) => e.textContent).find((text) => text.startsWith('Omschrijving: ')) ?? null);

test('at 1366 pixels the line being edited shows its texts whole under the grid, from the keyboard and the mouse', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1366, height: 800 } });
  await clickItem(page, 'Begroting');
  await waitFrames(page, 3);
  const p = JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
  const lineOf = (description) => {
    for (const activity of p.activities)
      for (const line of activity.lines)
        if (line.description === description)
          return { activity: activity.title, organisation: p.organisations.find((o) => o.id === line.organisation_id).name };
    return null;
  };
  assert.equal(await lineDetail(page), null, 'no line chosen yet');
  assert.ok(await page.evaluate(() => document.querySelector('#access').textContent.includes('Klik in een regel om hier al zijn teksten voluit te lezen.')),
    'the place says how to fill it');

  // Keyboard: focus a description that its cell cuts, as Tab through the mirror does.
  const fields = await descriptionFields(page);
  const cut = fields.find((f) => f.value === 'Installatietechniek leerplein');
  assert.ok(cut, 'the sample\'s "Installatietechniek leerplein" line is on screen');
  await page.evaluate((id) => document.querySelector(`#access input[data-sto-id="${id}"]`).focus(), cut.id);
  await waitFrames(page, 4);
  const keyboard = await lineDetail(page);
  const expected = lineOf(cut.value);
  assert.ok(keyboard, 'the detail shows');
  for (const text of [`Omschrijving: ${cut.value}`, `Activiteit: ${expected.activity}`, `Organisatie: ${expected.organisation}`, 'Categorie: Inventaris en machines', 'Financiering: Subsidie'])
    assert.ok(keyboard.includes(text), `"${text}" whole in "${keyboard}"`);
  const drawn = await itemRect(page, keyboard);
  assert.ok(drawn && drawn.y + drawn.height <= 800, `drawn on screen: ${JSON.stringify(drawn)}`);
  assert.ok(drawn.height > 20, 'wrapped over more than one line at this width');
  assert.ok(!(await page.evaluate(() => window.stoplan.cutTexts())).some((c) => keyboard.startsWith(c.text.slice(0, 20))), 'nothing of it cut');

  // Mouse: a click in another line's description field, of another organisation.
  const other = fields.find((f) => lineOf(f.value) && lineOf(f.value).organisation !== expected.organisation);
  assert.ok(other, 'a line of another organisation on screen');
  await page.mouse.click(other.x + other.width / 2, other.y + other.height / 2);
  await waitFrames(page, 4);
  const clicked = await lineDetail(page);
  assert.ok(clicked.startsWith(`Omschrijving: ${other.value}  ·  `), clicked);
  assert.ok(clicked.includes(`Organisatie: ${lineOf(other.value).organisation}`), clicked);

  // A search that hides that line takes its detail away.
  assert.ok(!other.value.includes('Externe trainers'));
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await waitFrames(page, 3);
  assert.equal(await lineDetail(page), null, 'the hidden line has no detail');
  assert.deepEqual(page.problems, []);
});

test('a filter on one activity hides the activity column and gives its room to the other columns', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1366, height: 800 } });
  await clickItem(page, 'Begroting');
  const all = await settledRect(page, 'Omschrijving');
  assert.ok(await itemRect(page, 'Activiteit'), 'the activity column with every activity');
  await clickItem(page, 'Activiteiten');
  await clickItem(page, '3. Doorlopende leerlijn vmbo-mbo');
  await scrollDetailsTo(page, 'Naar de begroting');
  await clickItem(page, 'Naar de begroting');
  const one = await settledRect(page, 'Omschrijving');
  assert.equal(await itemRect(page, 'Activiteit'), null, 'no activity column');
  assert.ok(one.x < all.x && one.width > all.width, `the description column takes room: ${JSON.stringify(all)} → ${JSON.stringify(one)}`);
  assert.ok(await itemRect(page, 'Subtotaal Doorlopende leerlijn vmbo-mbo'), 'the subtotal still names its activity');
  assert.ok(await itemRect(page, '12 regels getoond van 67'));
  assert.deepEqual(page.problems, []);
});

test('the budget filters keep their width and take a second row at 1024 pixels instead of cutting their labels', async (t) => {
  // Their elements in the mirror, which lie over what the canvas draws.
  const filters = ['Jaar: Alle jaren', 'Activiteit: Alle activiteiten', 'Categorie: Alle categorieën', 'Financiering: Alle financiering'];
  const rectsAt = async (width) => {
    const { page } = await freshApp(t, session, { viewport: { width, height: 768 } });
    await clickItem(page, 'Begroting');
    await waitFrames(page, 3);
    const rects = await page.evaluate((texts) => {
      const all = [...document.querySelectorAll('#access [data-sto-id]')];
      const rectOf = (e) => { const r = e && e.getBoundingClientRect(); return r ? { x: r.x, y: r.y, width: r.width } : null; };
      return [rectOf(all.find((e) => e.tagName === 'INPUT' && e.getAttribute('aria-label') === 'Zoeken')),
        ...texts.map((text) => rectOf(all.find((e) => e.textContent === text)))];
    }, filters);
    assert.deepEqual(page.problems, []);
    return rects;
  };
  const wide = await rectsAt(1366);
  const narrow = await rectsAt(1024);
  const names = ['Zoeken', ...filters];
  for (let i = 0; i < names.length; ++i) {
    assert.ok(wide[i] && narrow[i], `"${names[i]}" is in the mirror`);
    assert.ok(Math.abs(wide[i].width - narrow[i].width) <= 1, `"${names[i]}" as wide at 1024 as at 1366 pixels: ${wide[i].width} / ${narrow[i].width}`);
  }
  assert.equal(new Set(wide.map((r) => Math.round(r.y))).size, 1, 'one row at 1366 pixels');
  assert.equal(new Set(narrow.map((r) => Math.round(r.y))).size, 2, 'two rows at 1024 pixels');
  for (const r of narrow) assert.ok(r.x + r.width <= 1024, 'inside the window');
});

test('on a tablet held sideways the grid keeps no empty line under it; a refused entry gets one, whole on screen', async (t) => {
  const height = 730;
  const { page } = await freshApp(t, session, { viewport: { width: 1024, height } });
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await waitFrames(page, 3);
  // The count is the footer's last line: it ends at the panel's bottom edge (its padding and
  // border below it), where a line kept free for refused entries used to leave a line's room.
  const countLine = async () => (await page.evaluate(() => window.stoplan.items())).find((i) => /regels getoond van/.test(i.label));
  const below = (rect) => height - (rect.y + rect.height);
  const count = await countLine();
  assert.ok(count, 'the count is drawn');
  assert.ok(below(count) < 2 * count.height, `no empty line under the count: ${below(count)} px to the bottom`);

  await typeInto(page, '##price', 'twaalf');
  await waitFrames(page, 4);
  const refused = await settledRect(page, 'Geen geldig bedrag, de oude waarde blijft staan: "twaalf"');
  assert.ok(refused, 'the refused entry is said under the grid');
  const moved = await countLine();
  assert.ok(refused.y + refused.height <= moved.y + 1, `above the count: ${JSON.stringify({ refused, moved })}`);
  assert.ok(below(moved) >= 0 && below(moved) < 2 * moved.height, `the count still ends at the bottom: ${JSON.stringify(moved)}`);
  assert.deepEqual(page.problems, []);
});

// A sideways wheel (a touchpad, a swipe) over the grid moves nothing: there is nothing behind
// its edge. `header` is the amount column's header as drawn before.
async function assertNoSidewaysScroll(page, header) {
  await page.mouse.move(header.x, header.y + 80);
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 400);
  await page.keyboard.up('Shift');
  await waitFrames(page, 3);
  assert.deepEqual(await settledRect(page, 'Bedrag'), header, 'the grid does not scroll sideways');
}

test('on a tablet held sideways the sample budget needs no sideways scroll: its amounts and remove buttons are whole on screen, and a subtotal adds a line with one tap', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1024, height: 730 } });
  await clickItem(page, 'Begroting');
  const header = await settledRect(page, 'Bedrag');
  const total = await settledRect(page, 'Totaal: € 4.220.000,00');
  // The rows wholly above the grid's bottom edge: the footer's hint and total lines under it.
  const drawn = (await page.evaluate(() => window.stoplan.items()))
    .filter((i) => i.y > header.y + header.height && i.y + i.height + 3 * total.height < total.y);
  const amounts = drawn.filter((i) => /^€ [\d.]+,\d\d$/.test(i.label));
  const removes = drawn.filter((i) => i.label === '×');
  assert.ok(amounts.length >= 10 && removes.length >= 5, `the grid's rows are drawn: ${amounts.length} amounts, ${removes.length} remove buttons`);
  // Whole: shown wholly inside their cells, and inside the grid, left of its vertical scrollbar.
  for (const item of [header, ...amounts, ...removes]) {
    assert.ok(item.visible, `"${item.label}" drawn whole: ${JSON.stringify(item)}`);
    assert.ok(item.x + item.width <= total.x + total.width - 10, `"${item.label}" left of the scrollbar: ${JSON.stringify(item)}`);
  }
  await assertNoSidewaysScroll(page, header);

  // The subtotal's add button runs on over the year cell beside it, empty in that row: whole.
  for (let attempt = 0; attempt < 10 && !(await itemRect(page, '+ Regel toevoegen')); ++attempt) {
    await page.mouse.wheel(0, 200);
    await waitFrames(page, 3);
  }
  const add = await settledRect(page, '+ Regel toevoegen');
  assert.ok(add && add.visible, `the add button is whole: ${JSON.stringify(add)}`);
  await clickItem(page, '+ Regel toevoegen');
  assert.ok(await settledRect(page, '68 regels getoond van 68'), 'one tap added a line');
  // From the keyboard, through its element in the mirror: Enter adds another.
  await page.evaluate(() => [...document.querySelectorAll('#access button')]
    .find((b) => b.textContent === '+ Regel toevoegen').focus());
  await page.keyboard.press('Enter');
  assert.ok(await settledRect(page, '69 regels getoond van 69'), 'Enter on the button added a line');
  assert.deepEqual(page.problems, []);
});

test('on a tablet held sideways the budget opened for one activity needs no sideways scroll either', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1024, height: 730 } });
  await clickItem(page, 'Activiteiten');
  await scrollDetailsTo(page, 'Naar de begroting');
  await clickItem(page, 'Naar de begroting');
  assert.ok(await settledRect(page, '11 regels getoond van 67'), 'the budget shows one activity');
  const header = await settledRect(page, 'Bedrag');
  const removes = (await page.evaluate(() => window.stoplan.items())).filter((i) => i.label === '×');
  assert.ok(removes.length >= 3 && removes.every((r) => r.visible && r.x + r.width <= 1024 - 16), `remove buttons whole: ${JSON.stringify(removes)}`);
  await assertNoSidewaysScroll(page, header);
  // The subtotal names its activity in the empty cells after the add button, whole: not "…".
  const subtotal = 'Subtotaal Moderne praktijklokalen metaal en installatie';
  for (let attempt = 0; attempt < 10 && !(await itemRect(page, subtotal)); ++attempt) {
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 200);
    await waitFrames(page, 3);
  }
  const name = await settledRect(page, subtotal);
  const amount = await settledRect(page, '€ 481.500,00');
  assert.ok(name && name.visible && name.x + name.width <= amount.x, `the subtotal's name whole, left of its amount: ${JSON.stringify(name)}, ${JSON.stringify(amount)}`);
  const cut = await page.evaluate(() => window.stoplan.cutTexts());
  assert.ok(!cut.some((c) => c.text.startsWith('Subtotaal')), `the subtotal's name is not cut: ${JSON.stringify(cut)}`);
  assert.deepEqual(page.problems, []);
});

test('on a tablet held upright the grid scrolls sideways to its amounts with each row\'s activity and description kept in view; a subtotal then adds a line with "+"', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 768, height: 1024 } });
  await clickItem(page, 'Begroting');
  const header = await settledRect(page, 'Omschrijving');
  assert.ok(!(await itemRect(page, 'Bedrag'))?.visible, 'the amounts are right of the grid\'s edge at first');
  // A subtotal's name, too long for the activity column, runs over the empty cells after the add
  // button, ending in "…" at the grid's edge rather than cut there or in the column.
  const subtotal = 'Subtotaal Moderne praktijklokalen metaal en installatie';
  for (let attempt = 0; attempt < 10 && !(await itemRect(page, subtotal)); ++attempt) {
    await page.mouse.move(header.x + 300, header.y + 200);
    await page.mouse.wheel(0, 200);
    await waitFrames(page, 3);
  }
  const name = await settledRect(page, subtotal);
  assert.ok(name && name.visible && name.x + name.width <= 768, `the name fitted on screen: ${JSON.stringify(name)}`);
  const cutNames = () => page.evaluate(() => window.stoplan.cutTexts().filter((c) => c.text.startsWith('Subtotaal')));
  assert.deepEqual(await cutNames(), [], 'no subtotal name is cut');
  const first = (await descriptionFields(page))[0];

  await page.mouse.move(header.x + 300, header.y + 200);
  await page.keyboard.down('Shift');
  for (let k = 0; k < 4; ++k) {
    await page.mouse.wheel(0, 600);
    await waitFrames(page, 2);
  }
  await page.keyboard.up('Shift');
  const amount = await settledRect(page, 'Bedrag');
  assert.ok(amount && amount.visible && amount.x + amount.width <= 768, `the amount column scrolled into view: ${JSON.stringify(amount)}`);
  assert.deepEqual(await itemRect(page, 'Omschrijving'), header, 'the description column stays');
  const kept = (await descriptionFields(page)).find((f) => f.id === first.id);
  assert.ok(kept && Math.abs(kept.x - first.x) <= 1, `a row's description stays where it was: ${first.x} -> ${kept?.x}`);
  // The name starts right of the frozen columns, not under them.
  const scrolledName = await settledRect(page, subtotal);
  assert.ok(scrolledName && scrolledName.visible && scrolledName.x >= header.x + header.width, `the name starts on screen: ${JSON.stringify(scrolledName)}`);
  assert.deepEqual(await cutNames(), [], 'no subtotal name is cut when scrolled');

  // The year cell the add button ran on over is now under the description: the button is "+",
  // named for screen readers by what it does and where.
  for (let attempt = 0; attempt < 10 && !(await itemRect(page, '+')); ++attempt) {
    await page.mouse.wheel(0, 200);
    await waitFrames(page, 3);
  }
  const add = await settledRect(page, '+');
  assert.ok(add && add.visible, `the compact add button is whole: ${JSON.stringify(add)}`);
  assert.equal(await itemRect(page, '+ Regel toevoegen'), null, 'no cut "+ Regel toevoegen"');
  const named = await page.evaluate(() => [...document.querySelectorAll('#access button')]
    .map((b) => b.textContent).filter((name) => name.startsWith('Regel toevoegen: ')));
  assert.ok(named.includes('Regel toevoegen: Moderne praktijklokalen metaal en installatie'), `named: ${JSON.stringify(named)}`);
  await clickItem(page, '+');
  assert.ok(await settledRect(page, '68 regels getoond van 68'), 'one click added a line');
  assert.deepEqual(page.problems, []);
});
