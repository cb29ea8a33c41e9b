// Comparing with returned copies ("Vergelijken met bestand…"): the sample is downloaded (the app
// stamps its lineage), a second browser opens that file, changes two budget lines and an
// organisation by typing and downloads its copy; the first compares with it three-way against the
// revision it sent, takes over one change and not the others, undoes and redoes; the figures shown
// are those `stoplan summary` gives for the plan expected. Then a conflict (both sides changed the
// same field; theirs chosen) followed by a second copy merged after it, a copy whose base this
// browser does not have (two-way, said so), and two stored versions compared in Mijn plannen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, freshApp, clickItem, typeInto, waitFrames, waitSaved } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const stoplan = process.env.STO_STOPLAN || join(here, '..', '..', 'build', 'native', 'stoplan');

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const planFile = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
const summary = async (page) => page.evaluate(() => window.stoplan.summaryJson());
const itemRect = (page, label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
const screenshotDir = (dir) => process.env.STO_SCREENSHOT_DIR || dir;

async function download(page, dir) {
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Plan downloaden…');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Downloaden');
  const file = join(dir, (await downloading).suggestedFilename());
  await (await downloading).saveAs(file);
  return file;
}

async function openFile(page, file) {
  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Plan openen…');
  await (await choosing).setFiles(file);
  await waitFrames(page, 3);
}

async function compareWith(page, file, waitFor) {
  await clickItem(page, 'Bestand');
  const choosing = page.waitForEvent('filechooser');
  await clickItem(page, 'Vergelijken met bestand…');
  await (await choosing).setFiles(file);
  await page.waitForFunction((l) => window.stoplan.itemRect(l) !== null, waitFor);
}

// Scrolls the section with the mouse wheel until the item with that label is on screen.
async function scrollTo(page, label) {
  for (let i = 0; i < 40; ++i) {
    const rect = await itemRect(page, label);
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

const lineChange = (plan, a, l) => {
  const activity = plan.activities[a];
  const line = activity.lines[l];
  return `Regel '${line.description}' ${line.year} in activiteit '${activity.title}' gewijzigd`;
};
// A revision id is shown by its first 7 digits.
const threeWayNote = (revision) => `Driezijdig vergeleken met revisie ${revision.slice(0, 7)}, de laatste versie die dit ` +
  'plan en het bestand gemeen hebben. Wat alleen in het bestand is gewijzigd, staat klaar om over te nemen ' +
  '(aangevinkt); wat aan beide kanten anders is gewijzigd, staat hieronder als conflict.';
const randomRevision = () => Array.from({ length: 16 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
const madeFrom = (lineage, revision = randomRevision()) => ({
  plan_id: lineage.plan_id, revision, parents: [lineage.revision],
  history: [{ id: lineage.revision, parents: lineage.parents }, ...lineage.history].slice(0, 64),
});

// A copy "returned" by a partner, made from a downloaded file: `change` edits its plan.
function returnedCopy(dir, sentFile, name, change) {
  const copy = JSON.parse(readFileSync(sentFile, 'utf8'));
  copy.plan.lineage = madeFrom(copy.plan.lineage);
  change(copy.plan);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

test('a returned copy typed in another browser merges three-way: take over one change, reject the others, undo, redo', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sto-compare-'));
  const { page } = await freshApp(t, session);
  const sent = await download(page, dir);
  const original = JSON.parse(readFileSync(sent, 'utf8'));
  const lineage = original.plan.lineage;
  assert.match(lineage.plan_id, /^[0-9a-f]+-[0-9a-f]{16}$/, 'the download gave the plan an id');
  assert.match(lineage.revision, /^[0-9a-f]{16}$/, 'and a revision id');
  assert.deepEqual(lineage.parents, []);
  const again = await download(page, dir);
  assert.deepEqual(JSON.parse(readFileSync(again, 'utf8')).plan.lineage, lineage, 'unchanged: the same revision again');

  // The partner's browser opens the sent file and types its changes into the fields.
  const { page: partner } = await freshApp(t, session);
  await openFile(partner, sent);
  assert.deepEqual((await planFile(partner)).plan.lineage, lineage, 'an opened file keeps its lineage');
  await clickItem(partner, 'Begroting');
  await typeInto(partner, '##budget_filter', 'Externe trainers');
  await typeInto(partner, '##quantity', '44');
  await typeInto(partner, '##budget_filter', 'Stagebegeleiding in het bedrijf');
  await typeInto(partner, '##price', '65');
  await clickItem(partner, 'Regio & partners');
  await scrollTo(partner, '##name');
  await typeInto(partner, '##name', 'Techniek College Voorbeeld, locatie Noord');
  const typed = (await planFile(partner)).plan;
  assert.equal(typed.activities[1].lines[1].quantity_milli, 44000);
  assert.equal(typed.activities[2].lines[2].price_cents, 6500);
  assert.equal(typed.organisations[0].name, 'Techniek College Voorbeeld, locatie Noord');
  const copy = await download(partner, mkdtempSync(join(tmpdir(), 'sto-partner-')));
  const returned = JSON.parse(readFileSync(copy, 'utf8')).plan.lineage;
  assert.notEqual(returned.revision, lineage.revision, 'the copy is a revision of its own');
  const withoutClassVersions = (value) =>
    JSON.parse(JSON.stringify(value, (key, v) => (key === 'cereal_class_version' ? undefined : v)));
  assert.deepEqual(withoutClassVersions(returned), withoutClassVersions(madeFrom(lineage, returned.revision)),
    'made from the one sent');

  // Back in the first browser: compare with the returned copy, three-way against the one sent.
  const before = await summary(page);
  await compareWith(page, copy, '3 gekozen van 3 wijzigingen');
  assert.ok(await itemRect(page, threeWayNote(lineage.revision)), 'the panel says it compared three-way');
  const taken = lineChange(original.plan, 1, 1);
  const rejected = [lineChange(original.plan, 2, 2), "Organisatie 'Techniek College Voorbeeld, locatie Noord' gewijzigd"];
  await page.screenshot({ path: join(screenshotDir(dir), 'compare-list.png') });
  for (const label of rejected) {
    await scrollTo(page, label);
    await clickItem(page, label);  // not taken over
  }
  await page.waitForFunction(() => window.stoplan.itemRect('1 gekozen van 3 wijzigingen') !== null);
  assert.ok(await itemRect(page, taken), 'the change to take over is listed');
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');

  const expected = structuredClone(original);
  expected.plan.activities[1].lines[1].quantity_milli = 44000;
  const expectedSummary = cliSummary(dir, expected);
  assert.deepEqual(await summary(page), expectedSummary, 'the figures shown are those of the expected plan');
  const now = (await planFile(page)).plan;
  assert.equal(now.activities[2].lines[2].price_cents, original.plan.activities[2].lines[2].price_cents, 'the rejected line is untouched');
  assert.equal(now.organisations[0].name, original.plan.organisations[0].name, 'the rejected organisation is untouched');
  // The two changes not taken over stay listed, still unchosen.
  await page.waitForFunction(() => window.stoplan.itemRect('0 gekozen van 2 wijzigingen') !== null);

  await page.keyboard.press('Control+KeyZ');
  await waitFrames(page, 3);
  assert.deepEqual(await summary(page), before, 'one undo takes the whole step back');
  await page.keyboard.press('Control+KeyY');
  await waitFrames(page, 3);
  assert.deepEqual(await summary(page), expectedSummary, 'redo takes it over again');

  await page.screenshot({ path: join(screenshotDir(dir), 'compare.png') });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(partner.problems, []);
});

test('both sides changed the same field: the conflict is shown, theirs chosen; a second copy merges after it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sto-conflict-'));
  const { page } = await freshApp(t, session);
  const sent = await download(page, dir);
  const original = JSON.parse(readFileSync(sent, 'utf8'));
  // Ours changes the trainers' price after sending; the first copy changes it differently, and
  // its quantity as well; the second copy changes another line.
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##price', '1300');
  const first = returnedCopy(dir, sent, 'partner-a.json', (p) => {
    p.activities[1].lines[1].price_cents = 140000;
    p.activities[1].lines[1].quantity_milli = 42000;
  });
  const second = returnedCopy(dir, sent, 'partner-b.json', (p) => {
    p.activities[2].lines[2].quantity_milli = 1500000;
  });

  const sentRevision = original.plan.lineage.revision;
  await compareWith(page, first, '1 gekozen van 2 wijzigingen');
  assert.ok(await itemRect(page, threeWayNote(sentRevision)));
  const line = lineChange(original.plan, 1, 1).replace(/ gewijzigd$/, '');
  const choice = `Bestand overnemen: ${line} › prijs`;
  assert.ok(await itemRect(page, 'Conflicten: aan beide kanten anders gewijzigd'), 'the conflict is shown');
  for (const value of ['€ 1.200,00', '€ 1.300,00', '€ 1.400,00'])
    assert.ok(await itemRect(page, value), `base, ours and theirs side by side: ${value}`);
  await scrollTo(page, choice);
  await page.screenshot({ path: join(screenshotDir(dir), 'compare-conflict.png') });
  await clickItem(page, choice);
  await page.waitForFunction(() => window.stoplan.itemRect('2 gekozen van 2 wijzigingen') !== null);
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');
  let now = (await planFile(page)).plan;
  assert.equal(now.activities[1].lines[1].price_cents, 140000, "theirs' price taken");
  assert.equal(now.activities[1].lines[1].quantity_milli, 42000, "theirs' quantity taken");

  // The second copy still finds the one sent as its base: only its own change is proposed.
  await compareWith(page, second, '1 gekozen van 1 wijzigingen');
  assert.ok(await itemRect(page, threeWayNote(sentRevision)));
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');
  now = (await planFile(page)).plan;
  const expected = structuredClone(original);
  expected.plan.activities[1].lines[1].price_cents = 140000;
  expected.plan.activities[1].lines[1].quantity_milli = 42000;
  expected.plan.activities[2].lines[2].quantity_milli = 1500000;
  assert.deepEqual(await summary(page), cliSummary(dir, expected), 'both copies merged');
  assert.deepEqual(page.problems, []);
});

test('two rounds, two partners: the second copy is compared against the partner\'s first, offering only its new change', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sto-rounds-'));
  const { page } = await freshApp(t, session);
  const sent = await download(page, dir);
  const original = JSON.parse(readFileSync(sent, 'utf8'));
  const partnerFile = async (partner, name) => download(partner, mkdtempSync(join(tmpdir(), `sto-${name}-`)));

  // Partner A (a browser of its own) takes 44 trainers; partner B the internship price and a rename.
  const { page: a } = await freshApp(t, session);
  await openFile(a, sent);
  await clickItem(a, 'Begroting');
  await typeInto(a, '##budget_filter', 'Externe trainers');
  await typeInto(a, '##quantity', '44');
  const copyA = await partnerFile(a, 'a');
  const { page: b } = await freshApp(t, session);
  await openFile(b, sent);
  await clickItem(b, 'Begroting');
  await typeInto(b, '##budget_filter', 'Stagebegeleiding in het bedrijf');
  await typeInto(b, '##price', '65');
  await clickItem(b, 'Regio & partners');
  await scrollTo(b, '##name');
  await typeInto(b, '##name', 'Techniek College Voorbeeld, locatie Noord');
  const copyB1 = await partnerFile(b, 'b1');
  const b1 = JSON.parse(readFileSync(copyB1, 'utf8')).plan.lineage;

  // The coordinator sets the trainers' price, takes A's copy whole, and from B's the price only.
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##price', '1300');
  await compareWith(page, copyA, '1 gekozen van 1 wijzigingen');
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');
  await compareWith(page, copyB1, '2 gekozen van 2 wijzigingen');
  const renamed = "Organisatie 'Techniek College Voorbeeld, locatie Noord' gewijzigd";
  await scrollTo(page, renamed);
  await clickItem(page, renamed);  // declined
  await page.waitForFunction(() => window.stoplan.itemRect('1 gekozen van 2 wijzigingen') !== null);
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');
  const merged = (await planFile(page)).plan.lineage;
  assert.deepEqual(merged.parents.slice(1), [b1.revision], "the plan is a merge with B's copy");
  const round2 = JSON.parse(readFileSync(await download(page, dir), 'utf8')).plan;  // the second round goes out

  // B goes on in its own copy and returns it again, made from its first.
  await clickItem(b, 'Begroting');
  await typeInto(b, '##budget_filter', 'Stagebegeleiding in het bedrijf');
  await typeInto(b, '##quantity', '12');
  const copyB2 = await partnerFile(b, 'b2');
  assert.deepEqual(JSON.parse(readFileSync(copyB2, 'utf8')).plan.lineage.parents, [b1.revision]);

  // Its base is B's first copy: only B's new quantity is offered; nothing that undoes the
  // coordinator's price, A's quantity or the rename the coordinator declined.
  await compareWith(page, copyB2, '1 gekozen van 1 wijzigingen');
  assert.ok(await itemRect(page, threeWayNote(b1.revision)), "compared against B's first copy");
  assert.ok(await itemRect(page, lineChange(original.plan, 2, 2)), "B's new change is the one offered");
  await page.screenshot({ path: join(screenshotDir(dir), 'compare-round2.png') });
  await scrollTo(page, 'Gekozen wijzigingen toepassen');
  await clickItem(page, 'Gekozen wijzigingen toepassen');
  const now = (await planFile(page)).plan;
  assert.equal(now.activities[1].lines[1].price_cents, 130000, "the coordinator's price stays");
  assert.equal(now.activities[1].lines[1].quantity_milli, 44000, "A's quantity stays");
  assert.equal(now.activities[2].lines[2].price_cents, 6500, "B's first price stays");
  assert.equal(now.activities[2].lines[2].quantity_milli, 12000, "B's new quantity taken");
  assert.equal(now.organisations[0].name, original.plan.organisations[0].name, 'the declined rename stays declined');
  assert.equal(round2.lineage.plan_id, original.plan.lineage.plan_id);
  assert.deepEqual(page.problems, []);
});

test('a copy whose base this browser does not have is compared two-way, and the panel says so', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sto-twoway-'));
  const { page } = await freshApp(t, session);
  const sent = await download(page, dir);
  const copy = returnedCopy(dir, sent, 'old-copy.json', (p) => {
    p.lineage.parents = ['7777777777777777'];  // never written by this browser
    p.lineage.history = [];
    p.organisations[1].name = 'Vestiging Zuid';
  });
  await compareWith(page, copy, '0 gekozen van 1 wijzigingen');
  assert.ok(await itemRect(page, 'Tweezijdig vergeleken: geen versie waarvan dit plan en het bestand allebei zijn ' +
    'afgeleid staat in deze browser, dus elk verschil staat hieronder, ook wat u zelf sindsdien wijzigde. Niets is ' +
    'aangevinkt: kies zelf wat u overneemt.'));
  assert.deepEqual(page.problems, []);
});

test('Mijn plannen compares two stored versions, view only', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sto-versions-'));
  const { page } = await freshApp(t, session);
  const original = JSON.parse(readFileSync(await download(page, dir), 'utf8'));  // version 1
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', '44');
  await waitSaved(page);  // version 2
  await download(page, dir);  // version 3: revision 2
  await typeInto(page, '##quantity', '48');
  await waitSaved(page);  // version 4: the plan being edited
  await clickItem(page, 'Mijn plannen');
  await clickItem(page, 'Vergelijken vanaf versie 1');
  await clickItem(page, 'Vergelijken: versie 3');
  await page.waitForFunction(() => window.stoplan.itemRect('Vergeleken met: versie 1 → versie 3') !== null);
  assert.ok(await itemRect(page, 'Alleen bekijken: twee bewaarde versies, geen van beide is het plan dat u bewerkt. ' +
    'Om iets over te nemen vergelijkt u het plan zelf met een versie.'));
  assert.ok(await itemRect(page, lineChange(original.plan, 1, 1)), 'the change between the two versions is listed');
  // With the line's amount at € 1.200,00 per trainer, as in the two versions, not in the plan.
  assert.ok(await itemRect(page, 'aantal: 40 → 44   (regelbedrag € 48.000,00 → € 52.800,00)'),
    'old → new of the two versions, not of the plan');
  assert.equal(await itemRect(page, 'Gekozen wijzigingen toepassen'), null, 'nothing can be taken over');
  assert.equal((await planFile(page)).plan.activities[1].lines[1].quantity_milli, 48000);
  assert.deepEqual(page.problems, []);
});
