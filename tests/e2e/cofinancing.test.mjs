// Issue 24, cofinancing: a contribution is entered on the Cofinanciering page (organisation, year,
// cash or in kind, amount, what for) and becomes one budget line of the chosen activity with
// funding "Cofinanciering geld/natura": in the plan, in the Begroting and in the totals, undone
// in one step. Wrong entries are refused in the form with a message, and nothing is added.
// A click on an organisation's row lists its contribution lines with a way to each in the
// Begroting. With STO_SCREENSHOT_DIR set, the page with the form open is saved there in Dutch and
// English, to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSession, freshApp, clickItem, typeInto, press, waitFrames } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const screenshots = process.env.STO_SCREENSHOT_DIR;
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const summary = (page) => page.evaluate(() => window.stoplan.summaryJson());
const allLines = (p) => p.activities.flatMap((a) => a.lines.map((l) => ({ ...l, activity: a.id })));

// The English form's organisation combo shows Metaalbouw.
const english0 = (items) => items.includes('Organisation: Metaalbouw Fictief BV');

// Picks `option` in the form's combo with that ImGui label.
async function choose(page, combo, option) {
  await clickItem(page, combo);
  await clickItem(page, option);
}

test('a cash contribution entered on Cofinanciering is one budget line, counted, shown in the Begroting and undone in one step', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Cofinanciering');
  assert.ok(await itemRect(page, "Elke bijdrage is een begrotingsregel van een activiteit met als financiering 'Cofinanciering geld' of 'Cofinanciering natura'; ze staat dus ook in de Begroting. Klik op een organisatie in de tabel voor haar bijdragen."),
    'the page says what a contribution is');
  const before = await summary(page);
  const linesBefore = allLines(await plan(page)).length;

  await clickItem(page, 'Bijdrage toevoegen…');
  assert.ok(await itemRect(page, 'Toevoegen'), 'the form is open');
  await choose(page, '##cf_activity', "Girls' Day en rolmodellen");
  await choose(page, '##cf_organisation', 'Energiecooperatie Fictiestad');
  await choose(page, '##cf_year', '2026');
  await typeInto(page, '##cf_amount', '12.345,67');
  await typeInto(page, '##cf_description', 'Lasrobot voor de praktijkles');
  if (screenshots) await page.screenshot({ path: join(screenshots, 'cofinancing-form-nl.png') });
  await clickItem(page, 'Toevoegen');

  const lines = allLines(await plan(page));
  assert.equal(lines.length, linesBefore + 1, 'one line added');
  const added = lines.find((l) => l.description === 'Lasrobot voor de praktijkles');
  assert.ok(added, 'the line is in the plan');
  assert.deepEqual(
    { activity: added.activity, funding: added.funding, organisation: added.organisation_id, year: added.year,
      price: added.price_cents, quantity: added.quantity_milli },
    { activity: 'act-meisjes', funding: 'cofinancing_cash', organisation: 'energie', year: 2026, price: 1234567, quantity: 1000 });
  const after1 = await summary(page);
  assert.equal(after1.totals.cofinancing_cents, before.totals.cofinancing_cents + 1234567, 'the cofinancing total grew by the amount');
  assert.equal(after1.totals.cofinancing_cash_cents, before.totals.cofinancing_cash_cents + 1234567);
  assert.equal(after1.cofinancing.business_cents, before.cofinancing.business_cents + 1234567, 'a business: it counts');
  assert.equal(await itemRect(page, 'Toevoegen'), null, 'the form closed');

  // The organisation's contributions are listed, the new one among them, with a way to the line.
  assert.ok(await itemRect(page, 'Bijdragen van Energiecooperatie Fictiestad'));
  assert.ok(await itemRect(page, 'Lasrobot voor de praktijkles'));
  // Its "Naar de regel" (the list is in plan order) opens the Begroting at the new line.
  const p = await plan(page);
  const a = p.activities.findIndex((x) => x.id === 'act-meisjes');
  const l = p.activities[a].lines.findIndex((x) => x.description === 'Lasrobot voor de praktijkles');
  const listed = allLines(p).filter((x) => x.organisation_id === 'energie' && x.funding.startsWith('cofinancing_'));
  const n = listed.findIndex((x) => x.description === 'Lasrobot voor de praktijkles');
  await page.evaluate((i) => [...document.querySelectorAll('#access button')]
    .filter((b) => b.textContent === 'Naar de regel')[i].click(), n);
  await waitFrames(page, 4);
  const ui2 = await page.evaluate(() => window.stoplan.uiState());
  assert.equal(ui2.section, 1);
  assert.equal(ui2.highlight_path, `activities[${a}].lines[${l}]`, 'the new line is highlighted');
  const shown = await page.evaluate(() => [...document.querySelectorAll('#access input')]
    .some((e) => e.getAttribute('aria-label')?.startsWith('Omschrijving') && e.value === 'Lasrobot voor de praktijkles'));
  assert.ok(shown, 'the line is in the budget grid');

  // One undo removes it, and the total is as before.
  await press(page, 'Control+KeyZ');
  assert.equal(allLines(await plan(page)).length, linesBefore, 'undone in one step');
  assert.equal((await summary(page)).totals.cofinancing_cents, before.totals.cofinancing_cents);
  assert.deepEqual(page.problems, []);
});

test('a click on an organisation lists its contributions; an in-kind contribution is hours × rate', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Cofinanciering');
  const before = await summary(page);
  await clickItem(page, 'Metaalbouw Fictief BV');
  assert.ok(await itemRect(page, 'Bijdragen van Metaalbouw Fictief BV'), 'the row lists its contributions');
  assert.ok(await itemRect(page, 'Gastlessen en begeleiding vakmensen'), 'its in-kind line among them');

  // The form opened from there has the organisation filled in.
  await clickItem(page, 'Bijdrage toevoegen voor Metaalbouw Fictief BV…');
  await choose(page, '##cf_activity', 'Techniek op de basisschool');
  await choose(page, '##cf_kind', 'Cofinanciering natura (uren × tarief)');
  await typeInto(page, '##cf_hours', '40');
  await typeInto(page, '##cf_rate', '55');
  assert.ok(await itemRect(page, '€ 2.200,00'), 'hours × rate is shown');
  await clickItem(page, 'Toevoegen');

  const added = allLines(await plan(page)).find((l) => l.description === 'Bijdrage Metaalbouw Fictief BV');
  assert.ok(added, 'a line with a description made of the organisation');
  assert.deepEqual(
    { activity: added.activity, funding: added.funding, organisation: added.organisation_id, year: added.year,
      price: added.price_cents, quantity: added.quantity_milli, unit: added.unit, category: added.category },
    { activity: 'act-po', funding: 'cofinancing_in_kind', organisation: 'metaal', year: 2025, price: 5500,
      quantity: 40000, unit: 'uur', category: 'external_staff' });
  const after = await summary(page);
  assert.equal(after.totals.cofinancing_in_kind_cents, before.totals.cofinancing_in_kind_cents + 220000);
  assert.equal(after.totals.cofinancing_cents, before.totals.cofinancing_cents + 220000);
  assert.deepEqual(page.problems, []);
});

test('wrong entries are refused in the form with a message, and nothing is added', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Cofinanciering');
  const before = JSON.stringify(await plan(page));
  const refusedWith = async (message) => {
    await clickItem(page, 'Toevoegen');
    assert.ok(await itemRect(page, message), `the form says: ${message}`);
    assert.equal(JSON.stringify(await plan(page)), before, 'nothing added');
  };

  await clickItem(page, 'Bijdrage toevoegen…');
  await refusedWith('Kies een activiteit: de bijdrage wordt een regel van die activiteit.');
  await choose(page, '##cf_activity', 'Projectleiding en coordinatie');
  await refusedWith('Kies de organisatie die bijdraagt.');
  await choose(page, '##cf_organisation', 'Installatietechniek Voorbeeld BV');
  await refusedWith('Vul een bedrag groter dan € 0 in.');
  await typeInto(page, '##cf_amount', 'twaalf');
  await refusedWith('Een bedrag of aantal is niet te lezen (rood omrand): typ het opnieuw.');
  await typeInto(page, '##cf_amount', '-50');
  await refusedWith('Een bedrag of aantal is niet te lezen (rood omrand): typ het opnieuw.');
  await typeInto(page, '##cf_amount', '250.000.000');
  await refusedWith('Meer dan € 100.000.000 voor één bijdrage: dat kan niet kloppen. Controleer het bedrag.');
  // A non-business is allowed, with a warning that it does not count.
  await choose(page, '##cf_organisation', 'Gemeente Fictiestad — telt niet mee');
  assert.ok(await itemRect(page, 'Deze organisatie telt niet als bedrijf: haar bijdrage telt niet mee voor het minimum (wel als projectkosten).'));
  await clickItem(page, 'Annuleren');
  assert.equal(await itemRect(page, 'Toevoegen'), null, 'cancelled');
  assert.equal(JSON.stringify(await plan(page)), before);
  assert.deepEqual(page.problems, []);
});

test('the form is reachable by keyboard and in the accessibility mirror, in Dutch and English', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Cofinanciering');
  // Tab to the button as a keyboard user does, and open the form with Enter.
  let name = '';
  for (let i = 0; i < 200 && name !== 'Bijdrage toevoegen…'; ++i) {
    await page.keyboard.press('Tab');
    await waitFrames(page, 2);
    name = await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent);
  }
  assert.equal(name, 'Bijdrage toevoegen…', 'Tab reaches the button');
  await page.keyboard.press('Enter');
  await waitFrames(page, 4);
  const mirror = () => page.evaluate(() => [...document.querySelectorAll('#access [role="dialog"] button, #access [role="dialog"] input')]
    .map((e) => e.getAttribute('aria-label') || e.textContent));
  const items = await mirror();
  for (const expected of ['Activiteit: —', 'Organisatie: —', 'Jaar: 2025', 'Soort: Cofinanciering geld', 'Bedrag', 'Waarvoor', 'Toevoegen', 'Annuleren'])
    assert.ok(items.includes(expected), `the dialog in the mirror has "${expected}": ${JSON.stringify(items)}`);
  // Type the amount through the mirror's field, as a screen reader or tablet does.
  await page.evaluate(() => document.querySelector('#access [role="dialog"] input[aria-label="Bedrag"]').focus());
  await waitFrames(page, 3);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('750');
  await waitFrames(page, 3);
  await press(page, 'Tab');
  assert.ok((await mirror()).includes('Bedrag'));
  const amount = await page.evaluate(() => document.querySelector('#access [role="dialog"] input[aria-label="Bedrag"]').value);
  assert.equal(amount, '750,00', 'the amount was taken');
  await choose(page, '##cf_activity', "Girls' Day en rolmodellen");
  await choose(page, '##cf_organisation', 'Energiecooperatie Fictiestad');
  if (screenshots) await page.screenshot({ path: join(screenshots, 'cofinancing-form-nl-keyboard.png') });
  await clickItem(page, 'Annuleren');

  // English: every text of the page and the form in English.
  await clickItem(page, 'English');
  assert.ok(await itemRect(page, "Every contribution is a budget line of an activity with funding 'Cofinancing cash' or 'Cofinancing in kind'; so it also shows in the Budget. Click an organisation in the table for its contributions."));
  await clickItem(page, 'Metaalbouw Fictief BV');  // the page scrolls down to its contributions
  assert.ok(await itemRect(page, 'Contributions of Metaalbouw Fictief BV'));
  if (screenshots) await page.screenshot({ path: join(screenshots, 'cofinancing-selected-en.png') });
  await clickItem(page, 'Add contribution for Metaalbouw Fictief BV…');
  assert.ok(english0(await page.evaluate(() => [...document.querySelectorAll('#access [role="dialog"] button')]
    .map((e) => e.getAttribute('aria-label') || e.textContent))), 'the form has the organisation filled in');
  await choose(page, '##cf_activity', 'Techniek op de basisschool');
  await choose(page, '##cf_organisation', 'Gemeente Fictiestad — does not count');
  await clickItem(page, 'Add');
  assert.ok(await itemRect(page, 'Enter an amount greater than €0.'));
  const english = await mirror();
  for (const expected of ['Activity: Techniek op de basisschool', 'Kind: Cofinancing cash', 'Amount', 'What for', 'Add', 'Cancel'])
    assert.ok(english.includes(expected), `the English dialog has "${expected}": ${JSON.stringify(english)}`);
  if (screenshots) await page.screenshot({ path: join(screenshots, 'cofinancing-form-en.png') });
  await clickItem(page, 'Cancel');
  assert.deepEqual(page.problems, []);
});
