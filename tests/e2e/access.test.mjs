// The accessible page behind the canvas (web/access, web/shell/access.js), tried as its users
// would: a screen reader's accessibility tree, an axe-core audit of every section in both
// languages, a keyboard-only session, a tablet's tap-and-type, and IME / dead-key typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startSession, freshApp, waitFrames, clickItem, openSection, loadApp } from './helpers.mjs';

const require = createRequire(import.meta.url);
let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// The accessibility tree as a screen reader gets it: [{role, name, value, invalid, description}].
async function axTree(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => {
    const prop = (name) => (n.properties || []).find((p) => p.name === name)?.value?.value;
    return {
      role: n.role?.value, name: n.name?.value ?? '', value: n.value?.value ?? '',
      invalid: prop('invalid'), description: n.description?.value ?? '', focused: prop('focused'),
    };
  });
}

// How a keyboard user tells elements apart: tag, role, accessible name (aria-label or text), value.
// Run in the page (as source text: a function's closure does not travel there).
const describeElement = (e) => ({
  tag: e.tagName, role: e.getAttribute('role'), name: e.getAttribute('aria-label') || e.textContent,
  value: e.value, inputmode: e.getAttribute('inputmode'),
});

// What has the keyboard focus, described as above.
function focused(page) {
  return page.evaluate(`(${describeElement})(document.activeElement)`);
}

// The elements Tab stops at, in their order (the mirror's DOM order), and where the focus is.
function tabStops(page) {
  return page.evaluate(`(() => {
    const stops = [...document.querySelectorAll('button, input, textarea, select, a[href], [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
    return { stops: stops.map(${describeElement}), at: stops.indexOf(document.activeElement) };
  })()`);
}

// Presses Tab, or Shift+Tab where the element is nearer behind the focus (real key presses, as a
// keyboard user does, who also goes back), until the focused element matches.
async function tabTo(page, matches, max = 250) {
  const { stops, at } = await tabStops(page);
  const distance = (from, to) => (to - from + stops.length) % stops.length;
  const targets = stops.map((stop, i) => (matches(stop) ? i : -1)).filter((i) => i >= 0);
  const ahead = Math.min(...targets.map((i) => distance(at, i)));
  const behind = Math.min(...targets.map((i) => distance(i, at)));
  const key = at >= 0 && behind < ahead ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press(key);
    await waitFrames(page, 2);
    const f = await focused(page);
    if (matches(f)) return f;
  }
  throw new Error(`${key} never reached the element`);
}
const named = (name) => (f) => f.name === name;

async function pressKey(page, key) {
  await page.keyboard.press(key);
  await waitFrames(page, 4);
}

function plan(page) {
  return page.evaluate(() => JSON.parse(window.stoplan.planJson()).plan);
}

test('the accessibility tree names the sections, menus, the budget grid and its fields', async (t) => {
  const { page, context } = await freshApp(t, session);
  await openSection(page, 'Begroting');
  const tree = await axTree(context, page);
  const has = (role, name) => tree.some((n) => n.role === role && n.name === name);
  assert.ok(has('navigation', 'Secties'), 'a navigation landmark for the sections');
  for (const section of ['Overzicht', 'Regio & partners', 'Doelen & indicatoren', 'Activiteiten', 'Begroting',
    'Cofinanciering', "Scenario's", 'Landelijk overzicht', 'Plannen combineren', 'Mijn plannen', 'Vergelijken', 'Instellingen']) {
    assert.ok(has('button', section), `section ${section} in the tree`);
  }
  assert.ok(has('menubar', 'Menubalk') && has('menuitem', 'Bestand') && has('menuitem', 'Bewerken'), 'the menus');
  for (const column of ['Activiteit', 'Omschrijving', 'Jaar', 'Prijs', 'Aantal', 'Bedrag'])
    assert.ok(has('columnheader', column), `budget column header ${column}`);
  // A row's "×" says what it deletes: every row's symbol is the same.
  const removes = tree.filter((n) => n.role === 'button' && /^Regel verwijderen: .+ \(20\d\d\)$/.test(n.name));
  assert.ok(removes.length >= 5 && new Set(removes.map((n) => n.name)).size >= 5, `named remove buttons: ${removes.length}`);
  assert.ok(!tree.some((n) => n.role === 'button' && n.name === '×'), 'no button is named only "×"');
  const price = tree.find((n) => n.role === 'textbox' && n.name === 'Prijs');
  assert.ok(price && /^\d[\d.]*,\d\d$/.test(price.value), `a price field with its value: ${JSON.stringify(price)}`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.match(await page.title(), /Techniekregio Voorbeeld.*STO Planner/);

  // A refused amount: the field is invalid and says why.
  await page.evaluate(() => document.querySelector('#access input[aria-label="Prijs"]').focus());
  await waitFrames(page, 4);
  await page.keyboard.insertText('twaalf');
  await waitFrames(page, 3);
  await pressKey(page, 'Enter');
  const after = await axTree(context, page);
  const refused = after.find((n) => n.role === 'textbox' && n.name === 'Prijs' && n.invalid);
  assert.ok(refused, 'the refused price field is invalid');
  assert.match(refused.description, /twaalf/, 'its message is its description');
  assert.match(await page.locator('#access-live').textContent(), /twaalf/, 'and it is announced');
  assert.deepEqual(page.problems, []);
});

test('axe-core finds no serious or critical problem in any section, in Dutch and English, and no control is named by a symbol alone', async (t) => {
  const { page } = await freshApp(t, session);
  const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);  // through DevTools: the page's CSP rightly forbids inline scripts
  const problems = [];
  for (const language of ['nl', 'en']) {
    const sections = await page.evaluate(() => [...document.querySelectorAll('#access nav button:not([aria-expanded])')].map((b) => b.textContent));
    assert.equal(sections.length, 13, `13 sections in ${language}`);
    for (const section of sections) {
      await openSection(page, section.replace(/ \(\d+\)$/, ''));
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        problems.push(`${language} ${section}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.html).join(' | ')}`);
      // axe accepts "×" or "-" as a name; a screen reader reads it out as "times" or "minus".
      const controls = '#access button, #access input, #access textarea, #access [role=checkbox], #access [role=radio], ' +
        '#access [role=tab], #access [role=option], #access [role=slider], #access [role^=menuitem]';
      const symbols = await page.evaluate((selector) => [...document.querySelectorAll(selector)]
        .map((e) => e.getAttribute('aria-label') || e.textContent).filter((name) => !/[\p{L}\p{N}]/u.test(name)), controls);
      for (const name of new Set(symbols)) problems.push(`${language} ${section}: a control named only "${name}"`);
    }
    await clickItem(page, language === 'nl' ? 'English' : 'Nederlands');
    await waitFrames(page, 4);
  }
  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
});

test('keyboard only: a new plan, a budget amount, a finding fixed, undo, download', async (t) => {
  const { page } = await freshApp(t, session);
  // The new-plan wizard from the File menu.
  await tabTo(page, named('Bestand'));
  await pressKey(page, 'Enter');
  assert.equal((await focused(page)).name, 'Nieuw plan', 'the open menu takes the focus');
  await pressKey(page, 'Enter');
  let f = await focused(page);
  assert.equal(f.name, 'Naam van de regio', 'the wizard takes the focus');
  await page.keyboard.type('Regio Toetsenbord');
  await waitFrames(page, 3);
  await tabTo(page, named('Volgende'));
  await pressKey(page, 'Enter');
  await pressKey(page, 'Enter');
  await tabTo(page, named('Plan maken'));
  await pressKey(page, 'Enter');
  assert.equal((await plan(page)).region.name, 'Regio Toetsenbord');

  // An organisation.
  await tabTo(page, named('Regio & partners'));
  await pressKey(page, 'Enter');
  const organisations = (await plan(page)).organisations.length;
  await tabTo(page, named('+ Organisatie toevoegen'));
  await pressKey(page, 'Enter');
  assert.equal((await plan(page)).organisations.length, organisations + 1);

  // A budget line of the sample plan, with a Dutch amount, and a finding fixed from Controle.
  await page.evaluate((text) => window.stoplan.loadPlanJson(text),
    await readFile(new URL('../../assets/samples/voorbeeldregio.json', import.meta.url), 'utf8'));
  await waitFrames(page, 3);
  await tabTo(page, named('Begroting'));
  await pressKey(page, 'Enter');
  const lines = (await plan(page)).activities[0].lines.length;
  await tabTo(page, named('+ Nieuwe regel'));
  await pressKey(page, 'Enter');
  assert.equal((await focused(page)).role, 'menuitem', 'the list of activities takes the focus');
  await pressKey(page, 'Enter');
  assert.equal((await plan(page)).activities[0].lines.length, lines + 1, 'a line is added');
  f = await tabTo(page, (x) => x.tag === 'INPUT' && x.name === 'Prijs' && x.value === '0,00');
  assert.equal(f.inputmode, 'decimal');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.234,50');
  await waitFrames(page, 3);
  await pressKey(page, 'Tab');
  assert.ok(JSON.stringify(await plan(page)).includes('"price_cents":123450'), 'the Dutch amount is in the plan');
  f = await tabTo(page, (x) => x.tag === 'INPUT' && x.name === 'Jaar');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2031');
  await pressKey(page, 'Enter');
  const outside = (await page.evaluate(() => window.stoplan.summaryJson())).findings.filter((x) => x.code === 'LINE_OUTSIDE_PERIOD');
  assert.equal(outside.length, 1, 'a line in 2031 is outside the period');
  await tabTo(page, (x) => /^Controle/.test(x.name));
  await pressKey(page, 'Enter');
  await tabTo(page, (x) => x.tag === 'BUTTON' && /2031/.test(x.name));
  await pressKey(page, 'Enter');
  assert.equal((await page.evaluate(() => window.stoplan.uiState())).section, 1, 'the finding opens the budget');
  await tabTo(page, (x) => x.tag === 'INPUT' && x.name === 'Jaar' && x.value === '2031');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026');
  await pressKey(page, 'Enter');
  const fixed = (await page.evaluate(() => window.stoplan.summaryJson())).findings.filter((x) => x.code === 'LINE_OUTSIDE_PERIOD');
  assert.equal(fixed.length, 0, 'fixed');

  // Undo with the keyboard, from wherever the focus is.
  await pressKey(page, 'Control+Z');
  const undone = (await page.evaluate(() => window.stoplan.summaryJson())).findings.filter((x) => x.code === 'LINE_OUTSIDE_PERIOD');
  assert.equal(undone.length, 1, 'Ctrl+Z undoes the fix');

  // Download through the File menu.
  await tabTo(page, named('Bestand'));
  await pressKey(page, 'Enter');
  for (const item of ['Plan openen…', 'Voorbeeldplan openen', 'Plan downloaden…']) {
    await pressKey(page, 'ArrowDown');
    assert.equal((await focused(page)).name, item);
  }
  await pressKey(page, 'Enter');
  await tabTo(page, named('Downloaden'));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  assert.match((await download).suggestedFilename(), /\.json$/);
  assert.deepEqual(page.problems, []);
});

test('on a tablet a tapped amount field gets a real input and the touch keyboard types into it', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  const tap = async (label) => {
    const rect = await page.evaluate((l) => window.stoplan.itemRect(l), label);
    assert.ok(rect, `${label} on screen`);
    await page.touchscreen.tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await waitFrames(page, 4);
  };
  await tap('Begroting');
  const field = await page.evaluate(() => {
    const input = document.querySelector('#access input[aria-label="Prijs"]');
    const r = input.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.touchscreen.tap(field.x, field.y);
  await waitFrames(page, 4);
  const f = await focused(page);
  assert.equal(f.tag, 'INPUT', 'the tap focuses a real input: the tablet opens its keyboard');
  assert.equal(f.inputmode, 'decimal');
  await page.evaluate(() => document.activeElement.select());
  await page.keyboard.insertText('1.234,50');
  await waitFrames(page, 3);
  await tap('Begroting');  // a tap elsewhere commits, as a click elsewhere does
  assert.ok(JSON.stringify(await plan(page)).includes('"price_cents":123450'), 'lands in the plan as 123450 cents');
  assert.notEqual((await focused(page)).tag, 'INPUT');
  assert.deepEqual(page.problems, []);
});

test('a tablet held upright (768 px): names, sliders and the language switch keep their room', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const onScreen = (rect, what) => assert.ok(rect && rect.x >= 0 && rect.x + rect.width <= 768,
    `${what} whole on screen: ${JSON.stringify(rect)}`);
  const itemRect = (label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
  onScreen(await itemRect('English'), 'the language switch');

  await clickItem(page, 'Regio & partners');
  // The organisations table scrolls sideways rather than squeezing the name column to nothing.
  const name = await page.evaluate(() => {
    const r = document.querySelector('#access input[aria-label="Naam"]').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  assert.ok(name.width >= 150, `the first organisation's name field is wide enough to read: ${JSON.stringify(name)}`);
  await page.touchscreen.tap(name.x + name.width / 2, name.y + name.height / 2);
  await waitFrames(page, 4);
  await page.evaluate(() => document.activeElement.select());
  await page.keyboard.insertText('ROC Tablet');
  await waitFrames(page, 3);
  await clickItem(page, 'Regio & partners');
  assert.equal((await plan(page)).organisations[0].name, 'ROC Tablet');
  // Scrolled sideways to its last column, the table keeps each row's name in view.
  const nameField = () => page.evaluate(() => {
    const r = document.querySelector('#access input[aria-label="Naam"]').getBoundingClientRect();
    return { x: r.x, width: r.width };
  });
  const removeName = 'Organisatie verwijderen: ROC Tablet';
  const removeButton = () => page.evaluate((n) => {
    const b = [...document.querySelectorAll('#access button')].find((e) => e.textContent === n);
    return b ? b.getBoundingClientRect().right : null;
  }, removeName);
  const first = await removeButton();
  assert.ok(first === null || first > 768, `the remove button is right of the screen at first: ${first}`);
  const before = await nameField();
  await page.mouse.move(before.x + 300, name.y + name.height / 2);
  await page.keyboard.down('Shift');
  for (let k = 0; k < 4; ++k) {
    await page.mouse.wheel(0, 600);
    await waitFrames(page, 2);
  }
  await page.keyboard.up('Shift');
  await waitFrames(page, 3);
  const right = await removeButton();
  assert.ok(right !== null && right <= 768, `the remove button scrolled into view: ${right}`);
  assert.deepEqual(await nameField(), before, 'the name stays where it was');

  await clickItem(page, "Scenario's");
  const slider = await itemRect('##sc_hourly_rate');
  onScreen(slider, 'the hourly rate slider');
  assert.ok(slider.width >= 100, `the slider has room to drag: ${JSON.stringify(slider)}`);
  onScreen(await itemRect('Scenario verwijderen'), 'the remove button beside the name');
  assert.deepEqual(page.problems, []);
});

test('a tablet held upright (768 px) folds the sidebar away with a tap and brings it back from the keyboard; a screen reader hears whether it is open', async (t) => {
  const { page } = await freshApp(t, session, { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const itemRect = (label) => page.evaluate((l) => window.stoplan.itemRect(l), label);
  const toggle = () => page.evaluate(() => {
    const b = document.querySelector('#access nav button[aria-expanded]');
    return b && { name: b.textContent || b.getAttribute('aria-label'), expanded: b.getAttribute('aria-expanded') };
  });
  await clickItem(page, 'Begroting');
  const before = await itemRect('+ Nieuwe regel');
  assert.deepEqual(await toggle(), { name: 'Secties verbergen', expanded: 'true' });

  const fold = await itemRect('Secties verbergen');
  await page.touchscreen.tap(fold.x + fold.width / 2, fold.y + fold.height / 2);
  await waitFrames(page, 4);
  assert.equal(await itemRect('Overzicht'), null, 'the sections are folded away');
  const after = await itemRect('+ Nieuwe regel');
  assert.ok(before.x - after.x >= 100, `the budget gains the sidebar's room: ${before.x} -> ${after.x}`);
  assert.deepEqual(await toggle(), { name: 'Secties tonen', expanded: 'false' });
  // This browser remembers it, as it does the grid's column widths; another profile does not.
  await loadApp(page, session.url);
  assert.deepEqual(await toggle(), { name: 'Secties tonen', expanded: 'false' }, 'still folded after a reload');
  const { page: other } = await freshApp(t, session, { viewport: { width: 768, height: 1024 } });
  assert.ok(await other.evaluate(() => window.stoplan.itemRect('Overzicht')), 'not folded in another browser');

  // Back from the keyboard: its element in the mirror, Enter.
  await page.evaluate(() => document.querySelector('#access nav button[aria-expanded]').focus());
  await page.keyboard.press('Enter');
  await waitFrames(page, 4);
  assert.deepEqual(await toggle(), { name: 'Secties verbergen', expanded: 'true' });
  await clickItem(page, 'Overzicht');
  assert.equal((await page.evaluate(() => window.stoplan.uiState())).section, 0, 'the sections work again');
  assert.deepEqual(page.problems, []);
});

test('IME composition and a dead key type "financiën"; Escape reverts a field; Ctrl+V pastes', async (t) => {
  const { page, context } = await freshApp(t, session);
  await openSection(page, 'Regio & partners');
  const nameField = '#access input[aria-label="Naam"]';
  const before = await page.evaluate((s) => document.querySelector(s).value, nameField);
  await page.evaluate((s) => document.querySelector(s).focus(), nameField);
  await waitFrames(page, 4);
  await page.keyboard.press('Control+A');
  const cdp = await context.newCDPSession(page);
  // An IME composes "financi" and commits it.
  await cdp.send('Input.imeSetComposition', { text: 'fin', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'financi', selectionStart: 7, selectionEnd: 7 });
  await cdp.send('Input.insertText', { text: 'financi' });
  // A dead key: the diaeresis waits as a composition, the next letter makes it ë.
  await cdp.send('Input.imeSetComposition', { text: '¨', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'ë' });
  await page.keyboard.type('n');
  await waitFrames(page, 3);
  await pressKey(page, 'Enter');
  assert.equal((await plan(page)).organisations[0].name, 'financiën');

  // Escape while typing leaves the field as it was.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('weg ermee');
  await waitFrames(page, 3);
  await pressKey(page, 'Escape');
  assert.equal((await plan(page)).organisations[0].name, 'financiën');
  assert.equal(await page.evaluate((s) => document.querySelector(s).value, nameField), 'financiën');
  assert.notEqual(before, 'financiën');

  // Ctrl+V with Ctrl held, as people paste: the field's input takes the system clipboard's text.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
  await page.evaluate(() => navigator.clipboard.writeText('Plakcollege'));
  await page.keyboard.press('Control+A');
  // Ctrl stays down for a few frames after the paste, as a person's finger does: ImGui ignores
  // typed characters while Ctrl is held, so the pasted text must wait for the release.
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyV');
  await waitFrames(page, 4);
  await page.keyboard.up('Control');
  await waitFrames(page, 3);
  await pressKey(page, 'Enter');
  assert.equal((await plan(page)).organisations[0].name, 'Plakcollege');
  assert.deepEqual(page.problems, []);
});

test('the mirror adds no frames while idle; Help lists the shortcuts', async (t) => {
  const { page } = await freshApp(t, session);
  await openSection(page, 'Begroting');
  await page.evaluate(() => window.stoplan.frameParts());
  // The app draws until the UI has settled (a table measures its columns over a few frames, then
  // what depends on their widths), then stops: settled within a second, then no frame at all.
  let start = await page.evaluate(() => window.stoplan.frameCount());
  for (let k = 0; k < 10; ++k) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await page.evaluate(() => window.stoplan.frameCount());
    if (now === start) break;
    start = now;
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await page.evaluate(() => window.stoplan.frameCount()), start, 'no frames while idle');
  assert.ok((await page.evaluate(() => document.querySelectorAll('#access [data-sto-id]').length)) > 50);
  // Help → Sneltoetsen, by keyboard: a dialog that lists the keys and closes again.
  await page.evaluate(() => [...document.querySelectorAll('#access [role=menubar] button')].find((b) => b.textContent === 'Help').focus());
  await pressKey(page, 'Enter');
  assert.equal((await focused(page)).name, 'Sneltoetsen');
  await pressKey(page, 'Enter');
  assert.ok(await page.evaluate(() => /Tab \/ Shift\+Tab/.test(document.querySelector('#access [role=dialog]').textContent)));
  await tabTo(page, named('Sluiten'));
  await pressKey(page, 'Enter');
  assert.equal(await page.evaluate(() => document.querySelector('#access [role=dialog]')), null);
  assert.deepEqual(page.problems, []);
});
