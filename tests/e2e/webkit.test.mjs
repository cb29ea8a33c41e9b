// The smoke in WebKit, Safari's engine (Debian's WebKitGTK, driven through its WebKitWebDriver with
// plain W3C WebDriver requests): the app starts and draws, WebKit's accessibility engine finds the
// sidebar in the DOM mirror, a field takes typing through the mirror's real input, a plan survives
// a reload (IndexedDB), and a plan file downloads. WebKitGTK has WebGL2 only in a real window, so
// the test starts a virtual X server (Xvfb) and the driver itself, on a free port of 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteDir, startXvfb } from './helpers.mjs';
import { startServer } from '../../scripts/static-server.mjs';

let server, xvfb, driver, driverUrl, session, url, home;
const driverLog = [];


// A port nobody listens on at this moment, on 127.0.0.1.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// One W3C WebDriver command; resolves with its `value`, throws WebDriver's error.
async function wd(method, path, body) {
  const response = await fetch(`${driverUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok || (json.value && json.value.error))
    throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}
const command = (method, path, body) => wd(method, `/session/${session}${path}`, body);
// Runs `fn` (a function's source) in the page with `args`; an async function is awaited.
const run = (fn, ...args) => command('POST', '/execute/async', {
  script: `const done = arguments[arguments.length - 1];
    Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
      .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
  args,
}).then((result) => {
  if (result.error) throw new Error(`in the page: ${result.error}`);
  return result.value;
});
const elementKey = 'element-6066-11e4-a52e-4f735466cecf';
const find = async (css) => {
  const found = await command('POST', '/element', { using: 'css selector', value: css });
  if (!found || !found[elementKey]) throw new Error(`no element ${css}: ${JSON.stringify(found)}`);
  return found[elementKey];
};
const keys = (...values) => command('POST', '/actions', {
  actions: [{ type: 'key', id: 'keyboard', actions: values.flatMap((v) => [{ type: 'keyDown', value: v }, { type: 'keyUp', value: v }]) }],
});
const kControl = '\uE009', kEnter = '\uE007';

// Stops a detached child and every process of its group, and waits until the child has exited.
async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signalGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* gone */ } };
  signalGroup('SIGTERM');
  const killer = setTimeout(() => signalGroup('SIGKILL'), 3000);
  await exited;
  clearTimeout(killer);
  // Processes of the group that outlive the driver (WebKitWebProcess, WebKitNetworkProcess).
  signalGroup('SIGKILL');
}

// Waits for the driver to answer /status (it is up once it listens).
async function untilDriverUp() {
  const since = Date.now();
  for (;;) {
    try {
      if ((await wd('GET', '/status')).ready !== undefined) return;
    } catch (error) {
      if (Date.now() - since > 20000) throw new Error(`WebKitWebDriver did not start: ${error.message}\n${driverLog.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

before(async () => {
  server = await startServer(siteDir, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
  let display;
  ({ xvfb, display } = await startXvfb());
  // A home of its own: the browser's storage and downloads start empty and are removed after.
  // WebKitGTK saves a download in the XDG download folder, named in the config's user-dirs.dirs.
  home = mkdtempSync(join(tmpdir(), 'sto-webkit-'));
  mkdirSync(join(home, 'config'), { recursive: true });
  mkdirSync(join(home, 'Downloads'), { recursive: true });
  writeFileSync(join(home, 'config', 'user-dirs.dirs'), 'XDG_DOWNLOAD_DIR="$HOME/Downloads"\n');
  const port = await freePort();
  driverUrl = `http://127.0.0.1:${port}`;
  // A process group of its own: the driver's browser and web processes are stopped with it.
  driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, DISPLAY: `:${display}`, LIBGL_ALWAYS_SOFTWARE: '1', HOME: home,
      XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'),
    },
  });
  driver.stdout.on('data', (chunk) => driverLog.push(String(chunk)));
  driver.stderr.on('data', (chunk) => driverLog.push(String(chunk)));
  await untilDriverUp();
  session = (await wd('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } },
  })).sessionId;
  await command('POST', '/window/rect', { width: 1280, height: 800 });
});

after(async () => {
  if (session) await command('DELETE', '').catch(() => {});
  if (driver) await stopGroup(driver);
  if (xvfb) xvfb.kill();
  if (server) server.close();
  // The browser's processes have gone with the group, so nothing writes into the home any more
  // (the CI run that removed it while a web process still wrote its shader cache failed here).
  if (home && !process.env.STO_WEBKIT_KEEP) rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

// Waits until the app has drawn at least `count` more frames.
function frames(count) {
  return run(async (n) => {
    const start = window.stoplan.frameCount();
    const since = performance.now();
    while (window.stoplan.frameCount() < start + n) {
      if (performance.now() - since > 20000) throw new Error(`no ${n} frames drawn in 20 s`);
      window.stoplan.requestFrames();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }, count);
}

// Collects the page's uncaught errors, rejections and console errors from now on in
// window.stoErrors (read by `errors()`; a reload starts a new list).
const watchErrors = () => run(() => {
  window.stoErrors = [];
  window.addEventListener('error', (event) => window.stoErrors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => window.stoErrors.push(String(event.reason)));
  const consoleError = console.error;
  console.error = (...args) => { window.stoErrors.push(args.join(' ')); consoleError.apply(console, args); };
});
const errors = () => run(() => window.stoErrors);

// Clicks the middle of `rect` (CSS pixels of the viewport) with WebDriver's mouse, on the canvas.
async function clickAt(rect) {
  await command('POST', '/actions', {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', origin: 'viewport', x: Math.round(rect.x + rect.width / 2), y: Math.round(rect.y + rect.height / 2) },
      { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
  });
  await command('DELETE', '/actions');
  await frames(4);
}

// Loads (or reloads) the app and waits until it is ready.
async function untilReady() {
  await run(async () => {
    const since = performance.now();
    while (window.stoplan === undefined) {
      if (performance.now() - since > 20000) throw new Error('window.stoplan never appeared');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await window.stoplan.ready;
  });
  await frames(2);
}

test('WebKit: the app starts and draws, the sidebar is in the accessibility tree, a field takes typing, a plan survives a reload, a file downloads', async () => {
  await command('POST', '/url', { url });
  await untilReady();
  await watchErrors();

  // It really draws: WebGL2, a canvas of the window's size, the loading line gone, and the sidebar's
  // first section drawn on screen in the last frame.
  const drawn = await run(() => ({
    canvas: [document.getElementById('canvas').width, document.getElementById('canvas').height],
    status: getComputedStyle(document.getElementById('status')).display,
    webgl2: !!document.createElement('canvas').getContext('webgl2'),
    overview: window.stoplan.itemRect('Overzicht'),
  }));
  assert.ok(drawn.webgl2, 'WebKit has WebGL2');
  assert.ok(drawn.canvas[0] > 600 && drawn.canvas[1] > 400, `the canvas is drawn at ${drawn.canvas}`);
  assert.equal(drawn.status, 'none', 'the loading line is gone');
  assert.ok(drawn.overview && drawn.overview.width > 20, `"Overzicht" is drawn: ${JSON.stringify(drawn.overview)}`);
  if (process.env.STO_WEBKIT_SCREENSHOT)
    writeFileSync(process.env.STO_WEBKIT_SCREENSHOT, Buffer.from(await command('GET', '/screenshot'), 'base64'));

  // The sidebar's sections as WebKit's accessibility engine computes them (WebDriver's computed
  // role and label of the mirror's elements).
  for (const section of ['Overzicht', 'Regio & partners', 'Begroting']) {
    const id = await run((name) => {
      const button = [...document.querySelectorAll('#access nav button')].find((b) => b.textContent === name);
      if (!button) return null;
      button.id = `webkit-${[...name].filter((c) => /[a-z]/i.test(c)).join('')}`;
      return button.id;
    }, section);
    assert.ok(id, `${section} is in the mirror`);
    const element = await find(`#${id}`);
    assert.equal(await command('GET', `/element/${element}/computedrole`), 'button', `${section} is a button`);
    assert.equal(await command('GET', `/element/${element}/computedlabel`), section, `${section} is named`);
  }
  const nav = await find('#access nav');
  assert.equal(await command('GET', `/element/${nav}/computedrole`), 'navigation', 'the sections are a navigation landmark');
  assert.equal(await command('GET', `/element/${nav}/computedlabel`), 'Secties');

  // A field typed into through the mirror's real input: clicked with the mouse on the canvas, the
  // app enters the field and the mirror puts a real <input> over it; WebDriver types into that.
  await run(() => [...document.querySelectorAll('#access nav button')].find((b) => b.textContent === 'Regio & partners').click());
  await frames(4);
  const box = await run(() => {
    const r = document.querySelector('#access input[aria-label="Naam"]').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  await clickAt(box);
  assert.equal(await run(() => document.activeElement.tagName + ' ' + document.activeElement.getAttribute('aria-label')), 'INPUT Naam');
  const field = await find('#access input[aria-label="Naam"]');
  await command('POST', '/actions', {
    actions: [{ type: 'key', id: 'keyboard', actions: [
      { type: 'keyDown', value: kControl }, { type: 'keyDown', value: 'a' }, { type: 'keyUp', value: 'a' }, { type: 'keyUp', value: kControl }] }],
  });
  await command('DELETE', '/actions');
  await frames(2);
  await command('POST', `/element/${field}/value`, { text: 'Vakschool WebKit' });
  await frames(3);
  await keys(kEnter);
  await frames(4);
  const plan = await run(() => JSON.parse(window.stoplan.planJson()).plan);
  assert.equal(plan.organisations[0].name, 'Vakschool WebKit');

  // The plan survives a reload: written to IndexedDB, read back at start.
  await run(async () => {
    const since = performance.now();
    for (;;) {
      const s = window.stoplan.storageStatus();
      if (!s.dirty && s.plan_id !== '' && !window.Module.stoStorageBusy()) return;
      if (performance.now() - since > 10000) throw new Error(`not saved: ${JSON.stringify(s)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  assert.deepEqual(await errors(), []);
  await command('POST', '/refresh', {});
  await untilReady();
  await watchErrors();
  const reloaded = await run(() => JSON.parse(window.stoplan.planJson()).plan);
  assert.equal(reloaded.organisations[0].name, 'Vakschool WebKit', 'the plan came back from IndexedDB');

  // A plan file downloads: File menu, "Plan downloaden…", "Downloaden", clicked with the mouse at
  // the items' drawn coordinates.
  const click = async (label) => {
    let rect = null;
    for (let attempt = 0; attempt < 20 && !rect; ++attempt) {
      await frames(2);
      rect = await run((l) => window.stoplan.itemRect(l), label);
    }
    if (!rect) throw new Error(`no item labelled "${label}" on screen`);
    await clickAt(rect);
  };
  await click('Bestand');
  await click('Plan downloaden…');
  await click('Downloaden');
  // Waits for a complete .json file in the download folder (one that parses).
  const downloads = join(home, 'Downloads');
  let files = [], saved = null;
  for (const since = Date.now(); !saved && Date.now() - since < 20000;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    files = readdirSync(downloads);
    const file = files.find((f) => f.endsWith('.json'));
    try { if (file) saved = JSON.parse(readFileSync(join(downloads, file), 'utf8')); } catch { saved = null; }
  }
  assert.ok(saved, `a plan file was downloaded to ${downloads} (${files.join(', ')})`);
  assert.equal(saved.plan.organisations[0].name, 'Vakschool WebKit', 'the downloaded file holds the plan');

  assert.deepEqual(await errors(), []);
});
