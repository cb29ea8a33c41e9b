// Shared setup for the browser tests: serve the built site, start Debian's Chromium headless
// through playwright-core, and fail on any console error or failed request.
import { chromium } from 'playwright-core';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { startServer } from '../../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const siteDir = process.env.STO_SITE_DIR || join(here, '..', '..', 'build', 'wasm', 'site');

// The tests run in chromium-headless-shell, Chromium's engine without the browser around it:
// the full browser in headless mode also starts a WebUI renderer per window for its address
// bar's popup, a quarter of the CPU time of the browser tests (152 s instead of 197 s for
// four files, two at a time). The benchmark keeps the full browser (fullBrowser: true).
const swiftShaderArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

// Starts the server and a headless browser with one fresh context (its own storage);
// returns { url, browser, context, newContext(options), close() }.
export async function startSession({ fullBrowser = false } = {}) {
  const server = await startServer(siteDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.STO_CHROMIUM ||
      (fullBrowser ? '/usr/bin/chromium' : '/usr/bin/chromium-headless-shell'),
    headless: true,
    args: fullBrowser ? ['--headless=new', ...swiftShaderArgs] : swiftShaderArgs,
  });
  const newContext = (options = {}) => browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const context = await newContext();
  return {
    url,
    browser,
    context,
    newContext,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

// Opens the app (at `url`, by default the site) in a new page (closed when test `t` ends) and waits
// for window.stoplan.ready; collects console errors, page errors and failed requests in
// page.problems.
export async function openApp(t, session, { context = session.context, url = session.url } = {}) {
  const page = await context.newPage();
  t.after(() => page.close());
  page.problems = [];
  page.on('console', (message) => { if (message.type() === 'error') page.problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()}`));
  await loadApp(page, url);
  return page;
}

// openApp in a browser context of its own (its own storage, so the app starts from the sample
// plan), closed when test `t` ends; `options` as for browser.newContext. Returns { context, page }.
export async function freshApp(t, session, options = {}) {
  const context = await session.newContext(options);
  t.after(() => context.close());
  return { context, page: await openApp(t, session, { context }) };
}

// freshApp with `scripts` run before the page's own (context.addInitScript).
export async function appWith(t, session, ...scripts) {
  const context = await session.newContext();
  t.after(() => context.close());
  for (const script of scripts) await context.addInitScript(script);
  return { context, page: await openApp(t, session, { context }) };
}

// Navigates `page` to the app at `url` and waits until it is ready.
export async function loadApp(page, url) {
  await page.goto(url);
  await untilReady(page);
}

// Reloads the app in `page` and waits until it is ready and has drawn. Playwright waits only for
// the new page to commit, not for its load event: after a leave dialog had been dismissed, its
// wait for "load" was once seen to hang (untilReady waits for the app itself).
export async function reloadApp(page) {
  await page.reload({ waitUntil: 'commit' });
  await untilReady(page);
  await waitFrames(page, 2);
}

async function untilReady(page) {
  // Only the front tab gets animation frames, and the app draws in animation frames.
  await page.bringToFront();
  await page.waitForFunction(() => window.stoplan !== undefined);
  await page.evaluate(() => window.stoplan.ready);
}

// The on-screen rectangle of the ImGui item with that label once it has stopped moving (null if
// it is not there). An item that appears a frame or two later (a dialog opened by the previous
// click) is waited for, and so is one still moving: a rectangle is that of the last frame drawn,
// which may predate a change the test just made (a banner that pushes the page down, a table
// still fitting its columns), so it must be the same two frames later.
export async function settledRect(page, label) {
  const rectOf = () => page.evaluate((l) => window.stoplan.itemRect(l), label);
  let rect = await rectOf();
  for (let attempt = 0; attempt < 10; ++attempt) {
    await waitFrames(page, 2);
    const now = await rectOf();
    if (rect && now && JSON.stringify(now) === JSON.stringify(rect)) break;
    rect = now;
  }
  return rect;
}

// Clicks the centre of the ImGui item with that label, at its real on-screen coordinates, once it
// has stopped moving (settledRect).
export async function clickItem(page, label) {
  const rect = await settledRect(page, label);
  if (!rect) throw new Error(`no item labelled "${label}" on screen`);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await waitFrames(page, 3);
}

// Waits until the app has drawn at least `count` more frames. Polled inside the page on a timer
// (page.waitForFunction was seen to stall after a large plan was loaded).
export async function waitFrames(page, count) {
  // One round trip to the page: under load each one costs milliseconds, and this runs thousands
  // of times.
  await page.evaluate((n) => new Promise((resolve, reject) => {
    const target = window.stoplan.frameCount() + n;
    const since = performance.now();
    const check = () => {
      if (window.stoplan.frameCount() >= target) resolve();
      else if (performance.now() - since > 20000) reject(new Error(`no ${n} frames drawn in 20 s`));
      else {
        window.stoplan.requestFrames();  // the app draws a few frames per request, then idles
        setTimeout(check, 10);
      }
    };
    check();
  }), count);
}

// Types into the ImGui text field with that label, replacing its text, and commits with Enter.
export async function typeInto(page, label, text) {
  await clickItem(page, label);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await waitFrames(page, 2);
  await page.keyboard.type(text);
  await waitFrames(page, 2);
  await page.keyboard.press('Enter');
  await waitFrames(page, 3);
}

// Presses a key chord on the canvas and lets the app draw the result.
export async function press(page, chord) {
  await page.keyboard.press(chord);
  await waitFrames(page, 3);
}

// Waits until the app has written its pending changes to browser storage, and IndexedDB has
// committed them.
export async function waitSaved(page, timeout = 5000) {
  await page.waitForFunction(() => {
    const s = window.stoplan.storageStatus();
    return !s.dirty && s.plan_id !== '' && !window.Module.stoStorageBusy();
  }, null, { timeout });
}

// The app's browser storage as stored in IndexedDB (database 'sto-planner', store 'kv'), read or
// written beside the app: `storedEntries` gives {key: text} of every record, `writeStored` puts
// (text, as the release before stored it) or deletes (null) one record. The app's own copy
// follows only after a reload.
export async function storedEntries(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('sto-planner');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result, tx = db.transaction('kv', 'readonly'), store = tx.objectStore('kv');
      let keys = [], values = [];
      store.getAllKeys().onsuccess = (event) => { keys = event.target.result; };
      store.getAll().onsuccess = (event) => { values = event.target.result; };
      // The app stores UTF-8 bytes (an earlier release stored text).
      const text = (v) => (typeof v === 'string' ? v : new TextDecoder().decode(v));
      tx.oncomplete = () => { db.close(); resolve(Object.fromEntries(keys.map((k, i) => [k, text(values[i])]))); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    };
  }));
}

export async function writeStored(page, key, text) {
  await page.evaluate(([k, v]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('sto-planner');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result, tx = db.transaction('kv', 'readwrite'), store = tx.objectStore('kv');
      if (v === null) store.delete(k); else store.put(v, k);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    };
  }), [key, text]);
}

// Opens the app in a context whose IndexedDB can be made to fail every write with
// QuotaExceededError (as a full disk does) by setting window.stoQuotaFull in the page: writes are
// made by the page and by its storage worker (web/platform/storage_records.js, which both load),
// so that script is served with a switch in front that patches IndexedDB's put in each and hears
// the page's flag on a BroadcastChannel. Service workers are blocked so every load is served so.
const quotaSwitch = `(() => {
  let full = false;
  const channel = new BroadcastChannel('sto-test-quota');
  channel.onmessage = (event) => { full = event.data; };
  if (typeof window !== 'undefined') {
    Object.defineProperty(window, 'stoQuotaFull', { get: () => full, set: (value) => { full = value; channel.postMessage(value); } });
  }
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
})();
`;
export function appWithQuotaSwitch(t, session) {
  return appWithStorageRecords(t, session, quotaSwitch);
}

// Opens the app with its storage worker answering each batch only `ms` after it came (the page's
// own commits are not delayed): a batch is still with the worker when the page goes away.
export function appWithSlowStorageWorker(t, session, ms) {
  return appWithStorageRecords(t, session, `(() => {
  if (typeof WorkerGlobalScope === 'undefined') return;
  let handler = null;
  Object.defineProperty(self, 'onmessage', {
    set: (f) => { handler = f; },
    get: () => handler,
  });
  self.addEventListener('message', (event) => setTimeout(() => handler(event), ${ms}));
})();
`);
}

// Opens the app with `prefix` run before web/platform/storage_records.js, in the page and in the
// storage worker (service workers blocked, so every load of that script is served so).
async function appWithStorageRecords(t, session, prefix) {
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  await context.route('**/storage_records.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: prefix + await response.text() });
  });
  return { context, page: await openApp(t, session, { context }) };
}

// Sets window.stoQuotaFull (appWithQuotaSwitch) and waits until the storage worker has heard it.
export async function setQuotaFull(page, full) {
  await page.evaluate((value) => { window.stoQuotaFull = value; }, full);
  await page.waitForTimeout(50);  // a BroadcastChannel message to another thread
}

// An init script that takes IndexedDB away (as some private modes and policies do).
export function withoutIndexedDB() {
  Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
}

// Starts Xvfb on a free display (a real window for Firefox and WebKit, which have no WebGL2
// headless here); resolves with the process and the display number it wrote to fd 3.
export function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    xvfb.on('error', reject);
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ xvfb, display: text.trim() });
    });
  });
}

// Clicks a sidebar section through its mirror element (the path a screen reader's click takes).
export async function openSection(page, name) {
  await page.evaluate((n) => {
    const link = [...document.querySelectorAll('#access nav button')].find((b) => b.textContent.startsWith(n));
    if (!link) throw new Error(`no section ${n}`);
    link.click();
  }, name);
  await waitFrames(page, 4);
}

// Closes `page` as a user closing the tab does. True when the browser asked first; the question is
// answered "stay on this page", so the page stays open.
export async function closeAsks(page) {
  const outcome = new Promise((resolve) => {
    // Resolved only once the dialog is gone: a reload sent while it still showed was lost (the
    // leave test's reload then timed out waiting for its commit, twice in CI).
    page.once('dialog', async (dialog) => { await dialog.dismiss(); resolve(dialog.type()); });
    page.once('close', () => resolve('closed'));
  });
  await page.close({ runBeforeUnload: true });
  return (await outcome) === 'beforeunload';
}

// Sets the quantity of the sample plan's "Externe trainers" line in the budget grid.
export async function setTrainerQuantity(page, quantity) {
  await clickItem(page, 'Begroting');
  await typeInto(page, '##budget_filter', 'Externe trainers');
  await typeInto(page, '##quantity', String(quantity));
}

// Scrolls the activity's details (the right-hand panel of Activiteiten) with the mouse wheel, as a
// person would, until the item with that label is on screen.
export async function scrollDetailsTo(page, label) {
  for (let attempt = 0; attempt < 10; ++attempt) {
    if (await page.evaluate((l) => window.stoplan.itemRect(l), label)) return;
    await page.mouse.move(900, 500);
    await page.mouse.wheel(0, 400);
    await waitFrames(page, 3);
  }
  throw new Error(`"${label}" did not come into view`);
}
