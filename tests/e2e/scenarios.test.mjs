// Scenario's, Landelijk overzicht and Plannen combineren driven like a person would: real clicks
// and drags at the items' on-screen rectangles, checked against the plan and the texts on screen
// through window.stoplan. Every test starts in a fresh browser context (its own storage), so the
// app opens the sample plan (voorbeeldregio: maximum € 4.800.000,00, subsidy € 3.664.500,00).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, freshApp, clickItem, typeInto, press, waitFrames } from './helpers.mjs';

const samples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'samples');

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const plan = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);


// Presses the mouse on the slider and moves it to the far left or right, keeping the button down.
async function grabSlider(page, id, side) {
  const rect = await itemRect(page, id);
  assert.ok(rect, `slider ${id} is on screen`);
  const y = rect.y + rect.height / 2;
  await page.mouse.move(rect.x + rect.width / 2, y);
  await page.mouse.down();
  await waitFrames(page, 2);
  const x = side === 'left' ? rect.x - 40 : rect.x + rect.width + 40;
  await page.mouse.move(x, y, { steps: 5 });
  await waitFrames(page, 3);
}

const subsidyScale = (scenario) =>
  scenario.overrides.find((o) => o.kind === 'subsidy_scale')?.value;

test('a new scenario with a lower subsidy scale shows the comparison and its new finding', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, "Scenario's");
  await clickItem(page, '+ Nieuw scenario');
  let p = await plan(page);
  assert.equal(p.scenarios.length, 4);
  assert.equal(p.scenarios[3].name, 'Scenario 4');
  await typeInto(page, '##sc_name', 'Minder subsidie');
  assert.equal((await plan(page)).scenarios[3].name, 'Minder subsidie');
  const headline = 'In scenario Minder subsidie: De gevraagde subsidie € 3.664.500,00 is € 1.264.500,00 hoger ' +
    'dan het maximum € 2.400.000,00 (vast bedrag uit de bijlage van de regeling, × 50,00% (scenario)).';
  assert.equal(await itemRect(page, headline), null, 'no such finding before the change');

  // Subsidy scale to its minimum (50%): the maximum halves and the plan asks for too much.
  await grabSlider(page, '##sc_subsidy_scale', 'left');
  await page.mouse.up();
  await waitFrames(page, 4);
  p = await plan(page);
  assert.equal(subsidyScale(p.scenarios[3]), 5000, 'one override recorded on release');
  assert.ok(await itemRect(page, '€ 2.400.000,00'), 'the scenario maximum is shown');
  assert.ok(await itemRect(page, '-€ 2.400.000,00 (-50,00%)'), 'the effect table: difference in its own column');
  assert.ok(await itemRect(page, '-€ 2.400.000,00 (-50,00% van de basis)'), 'the comparison: difference with percentage of the base');
  assert.ok(await itemRect(page, 'NIEUW'), 'new findings are marked');
  assert.ok(await itemRect(page, headline), 'the new finding is named');

  // One drag = one undo step.
  await press(page, 'Control+KeyZ');
  p = await plan(page);
  assert.equal(subsidyScale(p.scenarios[3]), undefined);
  assert.equal(p.scenarios[3].name, 'Minder subsidie');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS',
    "the browser's own undo did not reach the name typed before (it would focus that field)");
  assert.equal(await itemRect(page, headline), null, 'the new finding is gone after undo');

  assert.deepEqual(page.problems, []);
});

test('dragging a slider changes the figures while dragging and records once on release', async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, "Scenario's");
  await clickItem(page, 'Subsidie −10%');
  assert.equal(subsidyScale((await plan(page)).scenarios[0]), 9000);
  assert.ok(await itemRect(page, '€ 4.320.000,00'), 'the scenario maximum at 90%');
  assert.equal(await itemRect(page, '€ 2.400.000,00'), null);

  await grabSlider(page, '##sc_subsidy_scale', 'left');
  assert.ok(await itemRect(page, '€ 2.400.000,00'), 'the maximum follows the slider while dragging');
  assert.ok(await itemRect(page, '(Live voorbeeld: nog niet vastgelegd)'));
  assert.equal(subsidyScale((await plan(page)).scenarios[0]), 9000, 'nothing recorded while dragging');

  const right = await itemRect(page, '##sc_subsidy_scale');
  await page.mouse.move(right.x + right.width + 40, right.y + right.height / 2, { steps: 5 });
  await waitFrames(page, 3);
  assert.ok(await itemRect(page, '€ 5.760.000,00'), 'the maximum at 120% while dragging');
  assert.equal(await itemRect(page, '€ 2.400.000,00'), null);
  await page.mouse.up();
  await waitFrames(page, 4);
  assert.equal(subsidyScale((await plan(page)).scenarios[0]), 12000);
  assert.equal(await itemRect(page, '(Live voorbeeld: nog niet vastgelegd)'), null);

  // One undo step brings back the 90% of before the drag, not an intermediate value.
  await press(page, 'Control+KeyZ');
  assert.equal(subsidyScale((await plan(page)).scenarios[0]), 9000);

  // The reset button removes the override: the scenario follows the base again.
  await clickItem(page, 'Terug naar basis');
  assert.equal(subsidyScale((await plan(page)).scenarios[0]), undefined);
  assert.deepEqual(page.problems, []);
});

test("the national view can use the scheme's own yearly ceilings as its budget", async (t) => {
  const { page } = await freshApp(t, session);
  await clickItem(page, 'Landelijk overzicht');
  await clickItem(page, '##na_scheme');
  await clickItem(page, 'Subsidieregeling sterk techniekonderwijs 2020-2023');
  await clickItem(page, '##na_budget');
  await clickItem(page, 'Plafonds uit de regeling: techniekregio € 335.500.000,00, techniekarme regio € 90.000.000,00');
  assert.ok(await itemRect(page, 'Plafond techniekregio (2020 € 90.000.000,00 + 2021 € 92.000.000,00 + ' +
    '2022 € 76.500.000,00 + 2023 € 77.000.000,00)'), 'the yearly ceilings are named');
  assert.ok(await itemRect(page, '€ 425.500.000,00'), 'the budget is their sum');
  // The fictional table's 5 techniekluwe regions (a 2025 type) fall under neither ceiling.
  assert.ok(await itemRect(page,
    "5 regio's vallen onder geen deel van dit budget en krijgen niets (zie de kolom Soort)."));
  // Another scheme with ceilings of its own: the choice stays, the ceilings follow the scheme.
  await clickItem(page, '##na_scheme');
  await clickItem(page, 'Subsidieregeling sterk techniekonderwijs 2025-2028');
  assert.ok(await itemRect(page, 'Plafond techniekluwe'), "the 2025-2028 scheme's own ceilings");
  assert.ok(await itemRect(page, 'Plafond techniekregio'), 'a whole-period ceiling lists no years');
  assert.equal(await itemRect(page, '5 regio\'s vallen onder geen deel van dit budget en krijgen niets (zie de kolom Soort).'),
    null, 'the 2025-2028 ceilings cover the techniekluwe regions');
  assert.deepEqual(page.problems, []);
});

test('a region CSV with one bad row: the row is named and the rest is imported', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1280, height: 2400 } });
  await clickItem(page, 'Landelijk overzicht');
  assert.ok(await itemRect(page, "Regiotabel: Ingebouwde fictieve tabel (78 regio's)"));

  const csv = 'naam;soort;leerlingen_bbkb;leerlingen_gl;vorige_toekenning_eur;vast_bedrag_eur\n' +
    'Testregio Noord;techniekregio;100;50;1000000;2000000\n' +
    'Testregio Zuid;techniekregio;veel;50;1000000;2000000\n' +
    'Testregio Oost;techniekluwe;80;40;800000;900000\n';
  await clickItem(page, '##na_paste');
  // What the browser does on Ctrl+V: a paste event with the clipboard's text.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  }, csv);
  await waitFrames(page, 3);
  await clickItem(page, 'Geplakte tekst importeren');

  assert.ok(await itemRect(page, "2 regio's geïmporteerd"), 'the good rows are imported');
  assert.ok(await itemRect(page, '1 regels overgeslagen:'));
  assert.ok(await itemRect(page,
    'Regel 3: students_bbkb: "veel" is geen aantal leerlingen (geheel getal 0–1.000.000); regel overgeslagen'),
    'the bad row is named with its line number and reason');
  assert.ok(await itemRect(page, "Regiotabel: Geïmporteerd: geplakte tekst (2 regio's)"));
  assert.ok(await itemRect(page, 'Testregio Noord'));
  assert.ok(await itemRect(page, 'Testregio Oost'));
  assert.equal(await itemRect(page, 'Testregio Zuid'), null, 'the bad row is left out');

  await clickItem(page, 'Terug naar de ingebouwde tabel');
  assert.ok(await itemRect(page, "Regiotabel: Ingebouwde fictieve tabel (78 regio's)"));
  assert.deepEqual(page.problems, []);
});

test('a region CSV file saved as Windows-1252 is refused with how to save it; UTF-8 names stay whole', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1280, height: 2400 } });
  await clickItem(page, 'Landelijk overzicht');
  const header = 'naam;soort;leerlingen_bbkb;leerlingen_gl;vorige_toekenning_eur;vast_bedrag_eur\n';
  const importBytes = (bytes, name) => page.evaluate(({ list, fileName }) =>
    window.stoplan.importRegionsFile(new File([new Uint8Array(list)], fileName, { type: 'text/csv' })),
  { list: bytes, fileName: name });

  // "Zoëterwoude" with ë as the single byte 0xEB, as Excel's plain "CSV" saves it.
  const latin1 = [...Buffer.from(header + 'Zo'), 0xeb, ...Buffer.from('terwoude;techniekregio;1;1;0;0\n')];
  await importBytes(latin1, 'regios.csv');
  await waitFrames(page, 3);
  assert.ok(await itemRect(page,
    'Het bestand is geen UTF-8-tekst. Sla het in de spreadsheet op als "CSV UTF-8" en importeer het opnieuw.'));
  assert.ok(await itemRect(page, "Regiotabel: Ingebouwde fictieve tabel (78 regio's)"), 'the table in use stays');

  await importBytes([...Buffer.from(header + 'Zoëterwoude;techniekregio;1;1;0;0\n')], 'regios-utf8.csv');
  await waitFrames(page, 3);
  assert.ok(await itemRect(page, 'Zoëterwoude'));
  assert.deepEqual(page.problems, []);
});

test('several plan files combined: one row each with totals; Openen opens one', async (t) => {
  const { page } = await freshApp(t, session);
  const files = ['voorbeeldregio.json', 'klein-voorbeeld-2020.json'].map((name) => ({
    name, text: readFileSync(join(samples, name), 'utf8'),
  }));
  files.push({ name: 'kapot.json', text: '{"format": "sto-planner-plan", "version": 1, "plan": ' });
  await page.evaluate((list) => window.stoplan.combineFiles(
    list.map((f) => new File([f.text], f.name, { type: 'application/json' }))), files);
  await waitFrames(page, 4);
  assert.ok(await itemRect(page, 'Planbestanden kiezen…'), 'Plannen combineren is shown');
  assert.ok(await itemRect(page, '2 geladen, 1 niet te lezen'));
  assert.ok(await itemRect(page, 'voorbeeldregio.json'));
  assert.ok(await itemRect(page, 'kapot.json'));
  assert.ok(await itemRect(page, 'Totaal'));

  const before = (await plan(page)).title;
  const openButtons = await page.evaluate(() => window.stoplan.itemRect('Openen'));
  assert.ok(openButtons);
  // The second row's Openen: klein-voorbeeld-2020.
  const klein = await itemRect(page, 'klein-voorbeeld-2020.json');
  await page.mouse.click(openButtons.x + openButtons.width / 2, klein.y + klein.height / 2);
  await waitFrames(page, 4);
  const opened = await plan(page);
  const expected = JSON.parse(files[1].text).plan;
  assert.equal(opened.title, expected.title);
  assert.notEqual(opened.title, before);
  assert.deepEqual(page.problems, []);
});
