// The editor driven like a person would: real mouse clicks at the items' on-screen rectangles and
// real key presses, checked against the engine's figures through window.stoplan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSession, freshApp, clickItem, typeInto, press, waitFrames } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const summary = (page) => page.evaluate(() => window.stoplan.summaryJson());
const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
const lineFindings = (s, path) => s.findings.filter((f) => f.path.startsWith(path));

// The sample's "Externe trainers" lines: activities[1].lines[1] is the 2025 one, € 1.200 × 40.
async function openTrainerLines(t) {
  // A fresh context per test: its own storage, so every test starts from the sample plan.
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  const p = await plan(page);
  assert.equal(p.activities[1].lines[1].description, 'Externe trainers');
  assert.equal(p.activities[1].lines[1].year, 2025);
  return page;
}

test('changing a quantity updates the line, the totals and the grid footer', async (t) => {
  const page = await openTrainerLines(t);
  const before = await summary(page);
  await typeInto(page, '##quantity', '50');
  const p = await plan(page);
  assert.equal(p.activities[1].lines[1].quantity_milli, 50000);
  const after = await summary(page);
  assert.equal(after.totals.costs_cents - before.totals.costs_cents, 10 * 120000);
  assert.ok(await itemRect(page, 'Totaal van de getoonde regels: € 204.000,00'), 'the footer shows the new total');
  assert.deepEqual(page.problems, []);
});

test('a price of zero raises a finding; undo and redo take it away and back', async (t) => {
  const page = await openTrainerLines(t);
  const path = 'activities[1].lines[1]';
  assert.equal(lineFindings(await summary(page), path).length, 0);
  await typeInto(page, '##price', '0');
  const broken = lineFindings(await summary(page), path);
  assert.equal(broken.length, 1);
  assert.equal(broken[0].code, 'LINE_WITHOUT_PRICE_OR_QUANTITY');
  assert.equal(broken[0].severity, 'error');

  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 120000);
  assert.equal(lineFindings(await summary(page), path).length, 0);
  await press(page, 'Control+Shift+KeyZ');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 0);
  await press(page, 'Control+KeyZ');
  await press(page, 'Control+KeyY');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 0);
  assert.deepEqual(page.problems, []);
});

test('clicking a finding opens the budget and selects its line', async (t) => {
  const page = await openTrainerLines(t);
  await typeInto(page, '##price', '0');
  const finding = lineFindings(await summary(page), 'activities[1].lines[1]')[0];
  await clickItem(page, 'Controle');
  await clickItem(page, finding.message);
  const ui = await page.evaluate(() => window.stoplan.uiState());
  assert.equal(ui.highlight_path, finding.path);
  assert.ok(await itemRect(page, '##budget_filter'), 'the budget section is open');
  assert.deepEqual(page.problems, []);
});

test('an invalid amount is refused with a message beside the field and the value kept', async (t) => {
  const page = await openTrainerLines(t);
  await typeInto(page, '##price', 'twaalf euro');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 120000);
  assert.ok(await itemRect(page, 'Geen geldig bedrag, de oude waarde blijft staan: "twaalf euro"'));
  // The mirror's field says so to a screen reader, in the frames after too (an unchanged item is
  // not described again, and its message must stay).
  await waitFrames(page, 5);
  const described = await page.evaluate(() => {
    const field = document.querySelector('#access input[aria-invalid="true"]');
    const message = field && document.getElementById(field.getAttribute('aria-describedby'));
    return message ? [field.getAttribute('aria-label'), field.value, message.textContent] : null;
  });
  assert.deepEqual(described, ['Prijs', '1.200,00', 'Geen geldig bedrag, de oude waarde blijft staan: "twaalf euro"']);
  // Dutch and English notations are both understood.
  await typeInto(page, '##price', '1.250,50');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 125050);
  await typeInto(page, '##price', '1300.25');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 130025);
  assert.deepEqual(page.problems, []);
});

test('the new-plan wizard asks region, scheme and partners first and opens the new plan', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Nieuw plan');
  await clickItem(page, 'Volgende');
  assert.ok(await itemRect(page, 'Geef de regio een naam.'), 'a name is required first');
  await typeInto(page, 'Naam van de regio', 'Techniekregio Testland');
  await clickItem(page, 'Volgende');
  await clickItem(page, 'Volgende');
  await typeInto(page, '##name', 'Testcollege vestiging Oost');
  // A board's BRIN for a vmbo school: the wizard runs the rules' check and says what counts.
  await typeInto(page, '##brin', '12AB');
  const brinMessage = "'Testcollege vestiging Oost' heeft BRIN '12AB' van een bestuur; een vmbo-vestiging " +
    'telt mee met een eigen vestigings-BRIN van 6 tekens (cijfers en letters, zoals 99XA00).';
  assert.ok(await itemRect(page, brinMessage), 'the wizard shows the BRIN check');
  await clickItem(page, 'Plan maken');
  const p = await plan(page);
  assert.equal(p.region.name, 'Techniekregio Testland');
  assert.equal(p.scheme_id, 'sto-2025-2028');
  assert.equal(p.organisations.length, 1);
  assert.equal(p.organisations[0].name, 'Testcollege vestiging Oost');
  assert.equal(p.organisations[0].penvoerder, true);
  assert.equal(p.is_example, false);
  const s = await page.evaluate(() => window.stoplan.storageStatus());
  assert.notEqual(s.plan_id, '', 'the new plan is kept in Mijn plannen at once');
  // Its findings say what is still missing.
  const codes = (await page.evaluate(() => window.stoplan.summaryJson())).findings.map((f) => f.code);
  for (const code of ['TOO_FEW_VMBO', 'NO_MBO', 'NO_BUSINESS', 'NO_PRIMARY', 'VMBO_WITHOUT_BRIN']) assert.ok(codes.includes(code), code);
  assert.deepEqual(page.problems, []);
});

test('on a touch screen a tap selects a section and a swipe scrolls instead of clicking', async (t) => {
  const { context, page } = await freshApp(t, session, { hasTouch: true });
  const budget = await itemRect(page, 'Begroting');
  await page.touchscreen.tap(budget.x + budget.width / 2, budget.y + budget.height / 2);
  await waitFrames(page, 3);
  assert.ok(await itemRect(page, '##budget_filter'), 'the tap opened the budget');
  // A swipe up over the grid scrolls it: the first row's item moves up and nothing is edited.
  // The first line's amount (the CNC machine's depreciation in 2025) as a landmark.
  const before = await itemRect(page, '€ 1.700,00');
  assert.ok(before, 'the first line is on screen');
  const planBefore = await page.evaluate(() => window.stoplan.planJson());
  const cdp = await context.newCDPSession(page);
  const x = 700, from = 600, to = 300;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
  for (let y = from; y >= to; y -= 30) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await waitFrames(page, 3);
  const after = await itemRect(page, '€ 1.700,00');
  assert.ok(after === null || after.y < before.y, `the grid scrolled: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  assert.equal(await page.evaluate(() => window.stoplan.planJson()), planBefore, 'a swipe edits nothing');
  assert.deepEqual(page.problems, []);
});

test('the notes are shown wrapped, typed in after a click or Tab, and saved as one undo step', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Instellingen');
  const box = await itemRect(page, '##notes');
  const original = (await plan(page)).notes;
  assert.ok(original.length > 100, 'the sample has a long note');
  await clickItem(page, '##notes');
  await waitFrames(page, 3);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Nog een zin.');
  await waitFrames(page, 2);
  await clickItem(page, 'Titel van het plan');  // leaving the field commits it
  assert.equal((await plan(page)).notes, original + ' Nog een zin.');
  assert.deepEqual(await itemRect(page, '##notes'), box, 'the wrapped box is back in the same place');
  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).notes, original);

  // Tab from the title field reaches the notes too: it is the real field under the wrapped text.
  await clickItem(page, '##title');
  await page.keyboard.press('Tab');
  await waitFrames(page, 3);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Via Tab.');
  await waitFrames(page, 2);
  await clickItem(page, 'Titel van het plan');
  assert.equal((await plan(page)).notes, original + ' Via Tab.');
  assert.deepEqual(page.problems, []);
});

test('2024: an empty written part of the request is an error; its finding opens the field with the keyboard in it, and typing clears it', async (t) => {
  const { page } = await freshApp(t, session);
  const file = JSON.parse(readFileSync(new URL('../../assets/samples/verlenging-2024.json', import.meta.url), 'utf8'));
  file.plan.changes_since_original_plan = '';
  assert.equal((await page.evaluate((text) => window.stoplan.loadPlanJson(text), JSON.stringify(file))).ok, true);
  const finding = (await summary(page)).findings.find((f) => f.code === 'EXTENSION_CHANGES_MISSING');
  assert.ok(finding, 'the empty text is a finding');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.path, 'changes_since_original_plan');
  await clickItem(page, 'Controle');
  await clickItem(page, finding.message);
  assert.equal((await page.evaluate(() => window.stoplan.uiState())).highlight_path, finding.path);
  // The field is open and has the keyboard: a screen reader hears its label, typing goes into it.
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(label ?? '', /^Wijzigingen ten opzichte van het oorspronkelijke activiteitenplan/);
  await page.keyboard.type('Twee scholen voegen hun lokalen samen.');
  await waitFrames(page, 2);
  await clickItem(page, 'Controle');  // leaving the field commits it
  assert.equal((await plan(page)).changes_since_original_plan, 'Twee scholen voegen hun lokalen samen.');
  assert.equal((await summary(page)).findings.filter((f) => f.code === 'EXTENSION_CHANGES_MISSING').length, 0);
  assert.deepEqual(page.problems, []);
});

test('undo from another section says what it undid, goes back to where the change was and highlights it; redo too', async (t) => {
  const page = await openTrainerLines(t);
  await typeInto(page, '##price', '1.250');
  await clickItem(page, 'Overzicht');
  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 120000);
  const ui = await page.evaluate(() => window.stoplan.uiState());
  assert.equal(ui.highlight_path, 'activities[1].lines[1].price');
  assert.ok(await itemRect(page, '##budget_filter'), 'the budget section is open again');
  assert.ok(await itemRect(page, 'Ongedaan: Prijs gewijzigd: Externe trainers 2025'), 'the top bar says what was undone');
  await press(page, 'Control+Shift+KeyZ');
  assert.ok(await itemRect(page, 'Opnieuw: Prijs gewijzigd: Externe trainers 2025'));
  // A new edit ends the note.
  await typeInto(page, '##quantity', '41');
  assert.equal(await itemRect(page, 'Opnieuw: Prijs gewijzigd: Externe trainers 2025'), null);
  assert.deepEqual(page.problems, []);
});

// The browser delivers keys between frames in any grouping; ImGui 1.86 looks at the keys once per
// frame. Here a frame falls between Ctrl's press and Z's, and Z and Ctrl then go up before the
// next frame (one task in the page, so no frame can come between): that frame must still see
// Ctrl held with Z. It used to get Ctrl's release first, saw a plain Z, and the undo was lost
// (the cause of undo tests failing now and then on a busy machine).
test('Ctrl+Z is undo when a frame falls between pressing Ctrl and Z and both go up before the next', async (t) => {
  const page = await openTrainerLines(t);
  await typeInto(page, '##price', '1.250');
  await clickItem(page, 'Begroting');  // leave the field: the canvas has the keys
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 125000);
  await page.keyboard.down('Control');
  await waitFrames(page, 2);
  await page.evaluate(() => {
    const send = (type, key, code, keyCode, ctrlKey) => {
      const event = new KeyboardEvent(type, { key, code, ctrlKey, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'keyCode', { get: () => keyCode });  // what Emscripten's GLFW reads
      Object.defineProperty(event, 'which', { get: () => keyCode });
      window.dispatchEvent(event);
    };
    send('keydown', 'z', 'KeyZ', 90, true);
    send('keyup', 'z', 'KeyZ', 90, true);
    send('keyup', 'Control', 'ControlLeft', 17, false);
  });
  await waitFrames(page, 3);
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 120000, 'the undo was seen');
  await page.keyboard.up('Control');  // playwright's own state; the app saw the release already
  assert.deepEqual(page.problems, []);
});
