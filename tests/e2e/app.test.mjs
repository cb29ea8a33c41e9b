// The walking skeleton in a real browser: the page starts with WebGL2, shows the sample plan with
// its total in Dutch euro notation, the test API answers, and nothing is logged as an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { startSession, openApp, freshApp, clickItem, waitFrames } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// Counts distinct colours in a PNG's canvas area to tell a drawn UI from a blank one.
function distinctColours(png) {
  // Minimal PNG decode (8-bit RGBA or RGB, no interlace) — enough for Chromium's screenshots.
  let offset = 8, width = 0, height = 0, channels = 4;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); channels = data[9] === 6 ? 4 : 3; }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = Buffer.alloc(stride), current = Buffer.alloc(stride);
  const colours = new Set();
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; ++x) {
      const byte = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? current[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
      let value = byte;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c; const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      current[x] = value & 0xff;
    }
    if (y % 4 === 0) for (let x = 0; x < width; x += 4) colours.add(current.readUIntBE(x * channels, 3));
    current.copy(previous);
  }
  return colours.size;
}

test('the page has WebGL2', async (t) => {
  const page = await session.context.newPage();
  t.after(() => page.close());
  await page.goto(session.url);
  const hasWebgl2 = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
  assert.equal(hasWebgl2, true, 'WebGL2 must be available; the app cannot start without it');
});

test('the sample plan opens with its total in Dutch euro notation', async (t) => {
  const page = await openApp(t, session);
  const summary = await page.evaluate(() => window.stoplan.summaryJson());
  assert.ok(summary.totals.costs_cents > 0, 'the sample plan has costs');
  const plan = JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
  assert.equal(plan.format, 'sto-planner-plan');
  assert.equal(plan.plan.is_example, true);

  // The total as the core formats it must be on screen as an ImGui item's text.
  const euros = Math.trunc(summary.totals.costs_cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const cents = String(summary.totals.costs_cents % 100).padStart(2, '0');
  const dutchTotal = `€ ${euros},${cents}`;
  const rect = await page.evaluate((l) => window.stoplan.itemRect(l), dutchTotal);
  assert.ok(rect, `the total ${dutchTotal} is drawn on the canvas`);
  assert.ok(rect.width > 20 && rect.x >= 0 && rect.y >= 0 && rect.y < 800, `it lies on screen: ${JSON.stringify(rect)}`);

  const png = await page.screenshot({ path: process.env.STO_SCREENSHOT || undefined });
  assert.ok(distinctColours(png) > 20, 'the screenshot is not blank');
  assert.deepEqual(page.problems, [], 'no console errors, page errors or failed requests');
});

test('Instellingen: "Indienen voor" decides which years need prices, and the finding names the round', async (t) => {
  const { page } = await freshApp(t, session);
  const findings = async () => (await page.evaluate(() => window.stoplan.summaryJson())).findings
    .filter((f) => f.code === 'LINE_WITHOUT_PRICE_OR_QUANTITY');
  // The sample is in the first round: its unpriced 2028 line is a warning.
  assert.equal((await page.evaluate(() => window.stoplan.summaryJson())).detailed_through, 2026);
  assert.ok((await findings()).every((f) => f.severity === 'warning'));
  await clickItem(page, 'Instellingen');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Indienen voor')), 'the setting is shown');
  await clickItem(page, '##submission_round');
  await clickItem(page, '2027-2028 (gedetailleerd plan in te dienen voor 1 oktober 2026)');
  const summary = await page.evaluate(() => window.stoplan.summaryJson());
  assert.equal(summary.submission_round, '2027-2028');
  assert.equal(summary.detailed_through, 2028);
  const now = await findings();
  assert.ok(now.length > 0 && now.every((f) => f.severity === 'error'), 'the 2027-2028 lines must be priced now');
  assert.match(now[0].message, /indienen voor 2027-2028/);
  await page.screenshot({ path: process.env.STO_SCREENSHOT_SETTINGS || undefined });
  assert.deepEqual(page.problems, []);
});

test('the language switch changes the UI to English and back', async (t) => {
  const page = await openApp(t, session);
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Totale kosten')));
  await clickItem(page, 'English');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Total costs')), 'English caption shown');
  await clickItem(page, 'Nederlands');
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Totale kosten')), 'Dutch caption back');
  assert.deepEqual(page.problems, []);
});

test('loadPlanJson refuses a broken file and keeps the plan', async (t) => {
  const page = await openApp(t, session);
  const before = await page.evaluate(() => window.stoplan.planJson());
  const result = await page.evaluate(() => window.stoplan.loadPlanJson('{"format": "sto-planner-plan", "version": 1, "plan": {'));
  assert.equal(result.ok, false);
  assert.match(result.error, /beschadigd|onvolledig/);
  assert.equal(await page.evaluate(() => window.stoplan.planJson()), before);
  assert.deepEqual(page.problems, []);
});

test('crisp on HiDPI: the canvas buffer follows devicePixelRatio and the window size', async (t) => {
  const { page } = await freshApp(t, session, { deviceScaleFactor: 2 });
  await waitFrames(page, 2);
  const size = await page.evaluate(() => ({ w: document.getElementById('canvas').width, css: document.getElementById('canvas').getBoundingClientRect().width, ratio: devicePixelRatio }));
  assert.equal(size.ratio, 2);
  assert.equal(size.w, Math.round(size.css * 2));
  await page.setViewportSize({ width: 900, height: 700 });
  await waitFrames(page, 3);
  const resized = await page.evaluate(() => document.getElementById('canvas').width);
  assert.equal(resized, 1800);
  assert.deepEqual(page.problems, []);
});

test('the mouse wheel scrolls down, by a sensible amount', async (t) => {
  const page = await openApp(t, session);
  const before = await page.evaluate(() => window.stoplan.itemRect('Per jaar'));
  await page.mouse.move(700, 500);
  await waitFrames(page, 2);
  await page.mouse.wheel(0, 100);  // one notch
  await waitFrames(page, 3);
  const after = await page.evaluate(() => window.stoplan.itemRect('Per jaar'));
  assert.ok(after.y < before.y, `scrolled down: ${before.y} -> ${after.y}`);
  assert.ok(before.y - after.y < 300, `one notch is not a page jump: ${before.y - after.y} px`);
  assert.deepEqual(page.problems, []);
});
