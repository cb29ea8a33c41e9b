// Issue 18, "Blockers found walking the app": each test does what the user did, with real clicks
// at the items' on-screen rectangles, and checks the plan and the figures through window.stoplan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSession, freshApp, clickItem, typeInto, press, waitFrames, scrollDetailsTo } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
const uiState = (page) => page.evaluate(() => window.stoplan.uiState());
const BUDGET_SECTION = 1;  // Section::budget in web/app/app.h

// Adds an activity in Activiteiten and opens the budget on it with "Naar de begroting".
async function newActivityInBudget(page) {
  await clickItem(page, 'Activiteiten');
  const before = (await plan(page)).activities.length;
  await clickItem(page, '+ Activiteit toevoegen');
  assert.equal((await plan(page)).activities.length, before + 1);
  await scrollDetailsTo(page, 'Naar de begroting');
  await clickItem(page, 'Naar de begroting');
  return before;  // the new activity's index
}

test('8: "Naar de begroting" opens the budget filtered to that activity', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Activiteiten');
  await clickItem(page, '3. Doorlopende leerlijn vmbo-mbo');
  await scrollDetailsTo(page, 'Naar de begroting');
  await clickItem(page, 'Naar de begroting');
  assert.equal((await uiState(page)).section, BUDGET_SECTION);
  // The sample has 67 lines (each machine one investment line), 12 of them in this activity.
  assert.ok(await itemRect(page, '12 regels getoond van 67'), 'only the activity\'s lines are shown');
  assert.ok(await itemRect(page, 'Subtotaal Doorlopende leerlijn vmbo-mbo'));
  assert.equal(await itemRect(page, 'Subtotaal Techniekdocenten professionaliseren'), null);
  assert.deepEqual(page.problems, []);
});

test('5: a new activity gets its first budget line from the budget, undoably', async (t) => {
  const { page } = await freshApp(t, session);
  const index = await newActivityInBudget(page);
  assert.equal((await uiState(page)).section, BUDGET_SECTION);
  assert.ok(await itemRect(page, 'Subtotaal Nieuwe activiteit'), 'the empty activity has its own row');
  assert.ok(await itemRect(page, '0 regels getoond van 67'));
  await clickItem(page, '+ Regel toevoegen');
  let p = await plan(page);
  assert.equal(p.activities[index].lines.length, 1);
  const line = p.activities[index].lines[0];
  assert.equal(line.description, 'Nieuwe regel');
  assert.equal(line.year, 2025);
  assert.ok(await itemRect(page, '1 regels getoond van 68'));
  // The toolbar button adds straight into the filtered activity as well.
  await clickItem(page, '+ Nieuwe regel');
  p = await plan(page);
  assert.equal(p.activities[index].lines.length, 2);
  assert.notEqual(p.activities[index].lines[1].id, line.id, 'every line gets an id of its own');
  await press(page, 'Control+KeyZ');
  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).activities[index].lines.length, 0, 'each add is one undo step');
  await press(page, 'Control+Shift+KeyZ');
  assert.equal((await plan(page)).activities[index].lines.length, 1);
  assert.deepEqual(page.problems, []);
});

test('5: without an activity filter "+ Nieuwe regel" asks which activity', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Begroting');
  await clickItem(page, '+ Nieuwe regel');
  assert.ok(await itemRect(page, 'Nieuwe regel in activiteit:'));
  await clickItem(page, "Girls' Day en rolmodellen");
  const p = await plan(page);
  assert.equal(p.activities[4].lines.length, 8);
  assert.equal(p.activities[4].lines[7].description, 'Nieuwe regel');
  assert.equal((await uiState(page)).highlight_path, 'activities[4].lines[7]', 'the new line is selected');
  assert.deepEqual(page.problems, []);
});

test('5: the empty budget offers a first line (with an activity to hold it), undoably', async (t) => {
  const { page } = await freshApp(t, session);
  const text = await page.evaluate(() => window.stoplan.planJson());
  const file = JSON.parse(text);
  file.plan.activities = [];
  const loaded = await page.evaluate((json) => window.stoplan.loadPlanJson(json), JSON.stringify(file));
  assert.equal(loaded.ok, true, loaded.error);
  await waitFrames(page, 3);
  await clickItem(page, 'Begroting');
  await clickItem(page, '+ Nieuwe regel');
  const p = await plan(page);
  assert.equal(p.activities.length, 1);
  assert.equal(p.activities[0].title, 'Nieuwe activiteit');
  assert.equal(p.activities[0].lines.length, 1);
  assert.ok(await itemRect(page, 'Subtotaal Nieuwe activiteit'));
  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).activities.length, 0, 'one undo step takes activity and line away');
  assert.deepEqual(page.problems, []);
});

test('6: choosing "Inventaris en machines" asks for the investment; depreciation follows', async (t) => {
  const { page } = await freshApp(t, session);
  const index = await newActivityInBudget(page);
  const before = await page.evaluate(() => window.stoplan.summaryJson());
  await clickItem(page, '+ Regel toevoegen');
  await clickItem(page, '##category');
  await clickItem(page, 'Inventaris en machines');
  assert.equal((await plan(page)).activities[index].lines[0].category, 'equipment');
  assert.ok(await itemRect(page, '##purchase_price'), 'the investment fields are shown');
  await typeInto(page, '##purchase_price', '12.000');
  await typeInto(page, '##purchase_date', '01-01-2025');
  // The life in years by default (teachers think in years); it is kept in months.
  await typeInto(page, '##economic_life_months_years', '5');
  await typeInto(page, '##project_use_bp', '50');
  const line = (await plan(page)).activities[index].lines[0];
  assert.equal(line.is_investment, true);
  assert.deepEqual(
    { price: line.investment.purchase_price_cents, date: line.investment.purchase_date,
      life: line.investment.economic_life_months, use: line.investment.project_use_bp },
    { price: 1200000, date: '2025-01-01', life: 60, use: 5000 });
  // € 12.000 over 60 months, half for the project: € 1.200,00 in every year of 2025-2028, as the
  // window's schedule and the engine's figures say.
  assert.ok(await itemRect(page, 'Afschrijving per jaar'), 'the window shows the schedule');
  assert.ok(await itemRect(page, 'Totaal in de periode'));
  assert.ok(await itemRect(page, '€ 4.800,00'), 'the schedule\'s total');
  const summary = await page.evaluate(() => window.stoplan.summaryJson());
  for (const year of [2025, 2026, 2027, 2028]) {
    const now = summary.years.find((y) => y.year === year).depreciation_cents;
    const was = before.years.find((y) => y.year === year).depreciation_cents;
    assert.equal(now - was, 120000, `€ 1.200 more depreciation in ${year}`);
  }
  // The life in months, for a life that is no whole number of years.
  await clickItem(page, '##economic_life_months_unit');
  await clickItem(page, 'maanden');
  await typeInto(page, '##economic_life_months', '54');
  assert.equal((await plan(page)).activities[index].lines[0].investment.economic_life_months, 54);
  await press(page, 'Control+KeyZ');
  // A refused date keeps the old one and says why.
  await typeInto(page, '##purchase_date', '31-02-2025');
  assert.equal((await plan(page)).activities[index].lines[0].investment.purchase_date, '2025-01-01');
  const badDate = 'Geen geldige datum (dd-mm-jjjj); de oude datum blijft staan';
  assert.ok(await itemRect(page, badDate));
  // Every field was one undo step; undo also forgets the refused date.
  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).activities[index].lines[0].investment.project_use_bp, 10000);
  assert.equal(await itemRect(page, badDate), null);
  await clickItem(page, 'Sluiten');
  assert.equal(await itemRect(page, '##purchase_price'), null, 'the window closed');
  // The price cell of a machine line reopens the window.
  await clickItem(page, 'Investering…');
  assert.ok(await itemRect(page, '##economic_life_months_years'), '60 months reopen as 5 years');
  assert.deepEqual(page.problems, []);
});

// The budget grid filtered to the sample's "Externe trainers" lines; ##price is the 2025 one.
async function trainerLines(t) {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  return page;
}
const refusedNl = 'Geen geldig bedrag, de oude waarde blijft staan: "twaalf"';
const refusedEn = 'Not a valid amount, the old value is kept: "twaalf"';

test('9: a refused entry\'s message goes away after a valid value', async (t) => {
  const page = await trainerLines(t);
  await typeInto(page, '##price', 'twaalf');
  assert.ok(await itemRect(page, refusedNl));
  await typeInto(page, '##price', '1.250');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 125000);
  assert.equal(await itemRect(page, refusedNl), null);
  assert.deepEqual(page.problems, []);
});

test('9: undo, redo and a change of section forget a refused entry', async (t) => {
  const page = await trainerLines(t);
  await typeInto(page, '##price', '1.250');
  await typeInto(page, '##price', 'twaalf');
  assert.ok(await itemRect(page, refusedNl));
  await press(page, 'Control+KeyZ');
  assert.equal((await plan(page)).activities[1].lines[1].price_cents, 120000);
  assert.equal(await itemRect(page, refusedNl), null, 'undo forgot it');

  await typeInto(page, '##price', 'twaalf');
  assert.ok(await itemRect(page, refusedNl));
  await press(page, 'Control+Shift+KeyZ');
  assert.equal(await itemRect(page, refusedNl), null, 'redo forgot it');

  await typeInto(page, '##price', 'twaalf');
  assert.ok(await itemRect(page, refusedNl));
  await clickItem(page, 'Overzicht');
  await clickItem(page, 'Begroting');
  assert.ok(await itemRect(page, '##price'), 'the same line is shown again');
  assert.equal(await itemRect(page, refusedNl), null, 'the section change forgot it');
  assert.deepEqual(page.problems, []);
});

test('9: a refused entry\'s message follows the language', async (t) => {
  const page = await trainerLines(t);
  await typeInto(page, '##price', 'twaalf');
  assert.ok(await itemRect(page, refusedNl));
  await clickItem(page, 'English');
  assert.equal((await uiState(page)).language, 'en');
  assert.ok(await itemRect(page, refusedEn), 'the message is now in English');
  assert.equal(await itemRect(page, refusedNl), null);
  assert.deepEqual(page.problems, []);
});

test('12: percentages and hours are rounded, not cut', async (t) => {
  const { page } = await freshApp(t, session);
  // The sample's cofinancing: € 515.500 of € 4.220.000 = 12,2156 %, which reads 12,22 % (not 12,21).
  assert.ok(await itemRect(page, '€ 515.500,00  (12,22%)'), 'the overview shows 12,22%');
  await clickItem(page, 'Cofinanciering');
  assert.ok(await itemRect(page, '€ 515.500,00  =  12,22% van de totale subsidiabele kosten'));
  assert.ok(await itemRect(page, '4.000 uur in natura'));
  // Half an hour more at the installation company: 4.000,5 hours, not cut to 4.000.
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Stagebegeleiding');
  await typeInto(page, '##quantity', '1000,5');
  assert.equal((await plan(page)).activities[2].lines[2].quantity_milli, 1000500);
  await clickItem(page, 'Cofinanciering');
  assert.ok(await itemRect(page, '4.000,5 uur in natura'));
  assert.deepEqual(page.problems, []);
});

test('11: "Plannen combineren" fits a 1280 pixel window: names and messages readable', async (t) => {
  const samples = new URL('../../assets/samples/', import.meta.url);
  const { page } = await freshApp(t, session);
  const files = ['voorbeeldregio.json', 'klein-voorbeeld-2020.json', 'verlenging-2024.json'].map((name) => ({
    name, text: readFileSync(new URL(name, samples), 'utf8'),
  }));
  files.push({ name: 'kapot.json', text: '{"format": "sto-planner-plan", "version": 1, "plan": ' });
  await page.evaluate((list) => window.stoplan.combineFiles(
    list.map((f) => new File([f.text], f.name, { type: 'application/json' }))), files);
  await waitFrames(page, 4);
  assert.ok(await itemRect(page, '3 geladen, 1 niet te lezen'));
  const region = await itemRect(page, 'Techniekregio Voorbeeld (fictief)');
  assert.ok(region && region.width >= 150, `the region is readable: ${JSON.stringify(region)}`);
  const message = await page.evaluate(() => window.stoplan.itemRect(
    'niet te lezen: Het bestand is beschadigd of geen planbestand: het bestand houdt midden in de JSON op (afgebroken?) (regel 1, kolom 54).'));
  assert.ok(message && message.width >= 150 && message.height < 150,
    `the message wraps in lines, not one letter per line: ${JSON.stringify(message)}`);
  const remove = await itemRect(page, 'Weghalen');
  assert.ok(remove && remove.x + remove.width <= 1280, `the last column is on screen: ${JSON.stringify(remove)}`);
  assert.deepEqual(page.problems, []);
});
