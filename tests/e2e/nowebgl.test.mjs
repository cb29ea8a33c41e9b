// A browser without WebGL2: the app shows its message, window.stoplan.ready rejects, and every
// window.stoplan function throws an Error saying the app did not start (instead of answering with
// whatever is in the wasm memory the app never set up).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// Opens the app with getContext('webgl2') answering null: on every canvas, or (appOnly) only on
// the app's own canvas, so the page's first check passes and main() itself gives up.
async function openWithoutWebGL2(t, { appOnly = false } = {}) {
  const context = await session.newContext();
  t.after(() => context.close());
  await context.addInitScript((appCanvasOnly) => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      const off = type === 'webgl2' && (!appCanvasOnly || this.id === 'canvas');
      return off ? null : getContext.call(this, type, ...rest);
    };
  }, appOnly);
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  await page.goto(session.url);
  await page.waitForFunction(() => window.stoplan !== undefined);
  page.readiness = await page.evaluate(() => window.stoplan.ready.then(() => 'resolved', (e) => e.message));
  // Let the wasm module load and main() run (and give up) before asking the API.
  await page.waitForFunction(() => window.Module && window.Module.calledRun, null, { timeout: 15000 });
  return page;
}

// Calls every window.stoplan function and checks each throws the not-started Error.
async function assertEveryFunctionRefuses(page) {
  const answers = await page.evaluate(() => {
    const args = {
      loadPlanJson: ['{}'], itemRect: ['Bestand'], openFile: [new File(['{}'], 'a.json')],
      makeShareLink: ['{}'], combineFiles: [[]], importRegionsFile: [new File([''], 'r.csv')],
      pickFiles: ['combine'],
    };
    const out = {};
    for (const name of Object.keys(window.stoplan)) {
      if (name === 'ready') continue;
      try {
        const value = window.stoplan[name](...(args[name] || []));
        out[name] = { threw: false, value: String(value) };
      } catch (error) {
        out[name] = { threw: true, name: error.name, started: error.started, message: error.message };
      }
    }
    return out;
  });
  const names = Object.keys(answers).sort();
  assert.deepEqual(names, ['combineFiles', 'compareFile', 'cutTexts', 'frameCount', 'frameParts', 'frameTimes', 'importRegionsFile',
    'itemRect', 'items', 'loadPlanJson', 'makeShareLink', 'openFile', 'pickFiles', 'planJson', 'requestFrames',
    'storageStatus', 'summaryJson', 'uiState'].sort());
  for (const name of names) {
    const answer = answers[name];
    assert.equal(answer.threw, true, `${name} answered ${answer.value}`);
    assert.equal(answer.name, 'StoNotStartedError', name);
    assert.equal(answer.started, false, name);
    assert.match(answer.message, /^STO Planner did not start: .*WebGL2/, name);
  }
}

test('without WebGL2 every window.stoplan function answers that the app did not start', async (t) => {
  const page = await openWithoutWebGL2(t);
  assert.match(page.readiness, /WebGL2/);
  assert.match(await page.locator('#status').innerText(), /ondersteunt geen WebGL2/);
  assert.ok(await page.locator('#status').isVisible());
  await assertEveryFunctionRefuses(page);
  assert.deepEqual(page.pageErrors, []);
});

test('when main() itself finds no WebGL2 context, the page says so and the API refuses', async (t) => {
  const page = await openWithoutWebGL2(t, { appOnly: true });
  assert.match(page.readiness, /kon niet starten.*WebGL2 is not available/);
  assert.match(await page.locator('#status').innerText(), /kon niet starten/);
  await assertEveryFunctionRefuses(page);
  assert.deepEqual(page.pageErrors, []);
});
