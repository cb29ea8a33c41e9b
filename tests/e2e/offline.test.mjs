// Offline and installable (issue #6): after one visit the app starts without a network, a new
// build is picked up on the next visit without touching browser storage, and no request ever
// leaves the page's own origin. Needs web/shell/sw.js in the site and the page registering it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, openApp, freshApp, loadApp, clickItem, waitFrames, siteDir } from './helpers.mjs';
import { startServer } from '../../scripts/static-server.mjs';

// Until the build copies web/shell/sw.js into the site, the offline tests say so and skip.
const noWorker = !existsSync(join(siteDir, 'sw.js')) && 'sw.js is not in the site yet (web/shell/sw.js)';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// Waits until a service worker controls the page and its cache holds the app's files; returns
// the cache names. Fails with a hint when the page never registers a worker.
async function waitForOfflineCache(page) {
  const controlled = await page.evaluate(() => new Promise((resolve) => {
    if (!('serviceWorker' in navigator)) return resolve(false);
    if (navigator.serviceWorker.controller) return resolve(true);
    const timer = setTimeout(() => resolve(false), 10000);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      clearTimeout(timer);
      resolve(true);
    }, { once: true });
  }));
  assert.ok(controlled, 'no service worker controls the page: does the page register sw.js (web/shell/sw.js)?');
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('sto-planner-'));
    const cache = await caches.open(names[0]);
    const files = (await cache.keys()).map((r) => new URL(r.url).pathname);
    return { names, files };
  });
}

// Opens `url` in a new page of `context` and waits for the app; the page closes when `t` ends.
async function openAt(t, context, url) {
  const page = await context.newPage();
  t.after(() => page.close());
  await loadApp(page, url);
  return page;
}

test('after a first visit the app starts offline', { skip: noWorker }, async (t) => {
  const { context, page } = await freshApp(t, session);
  const { names, files } = await waitForOfflineCache(page);
  assert.equal(names.length, 1, `one cache for the current build: ${names}`);
  for (const file of ['/', '/index.html', '/stoplan-api.js', '/sto_planner.js', '/sto_planner.wasm']) {
    assert.ok(files.includes(file), `${file} is cached (cached: ${files.join(', ')})`);
  }
  const total = (await page.evaluate(() => window.stoplan.summaryJson())).totals.costs_cents;

  await context.setOffline(true);
  const network = await page.evaluate(() =>
    fetch(`/not-cached-${Date.now()}`).then(() => 'reachable', () => 'offline'));
  assert.equal(network, 'offline', 'the network is really gone');

  page.problems.length = 0;
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await page.waitForFunction(() => window.stoplan !== undefined);
  await page.evaluate(() => window.stoplan.ready);
  await waitFrames(page, 3);
  assert.equal((await page.evaluate(() => window.stoplan.summaryJson())).totals.costs_cents, total);
  // The browser's own update check of sw.js fails offline; that is not the page's problem.
  const problems = page.problems.filter((p) => !/sw\.js/.test(p));
  assert.deepEqual(problems, [], 'no errors while offline');
});

test('a new build is picked up on the next visit and storage is left alone', { skip: noWorker }, async (t) => {
  // A copy of the site on a server of its own, so the test can publish a "new build".
  const dir = await mkdtemp(join(tmpdir(), 'sto-site-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(siteDir, dir, { recursive: true });
  const server = await startServer(dir, 0);
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await session.newContext();
  t.after(() => context.close());

  const first = await openAt(t, context, url);
  const before = await waitForOfflineCache(first);
  await first.evaluate(() => localStorage.setItem('sto-offline-test-marker', 'kept'));
  const storage = await first.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  // Publish a new build: a different page and a worker stamped with a different id.
  const worker = await readFile(join(dir, 'sw.js'), 'utf8');
  const stamped = worker.replace(/const STAMPED_ID = '[^']*';/, "const STAMPED_ID = 'e2e-next-build';");
  assert.notEqual(stamped, worker, 'sw.js has a STAMPED_ID line');
  await writeFile(join(dir, 'sw.js'), stamped);
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), index.replace('<head>', '<head>\n<meta name="sto-e2e-build" content="next">'));

  // The next visit finds the new worker; it installs, takes over and drops the old cache.
  const second = await openAt(t, context, url);
  const cacheNames = () => second.evaluate(async () =>
    (await caches.keys()).filter((n) => n.startsWith('sto-planner-')).join());
  for (const start = Date.now(); (await cacheNames()) !== 'sto-planner-e2e-next-build';) {
    assert.ok(Date.now() - start < 15000, `the new build's cache replaces the old one (${await cacheNames()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.notEqual(before.names[0], 'sto-planner-e2e-next-build');

  // The visit after that runs the new build, with browser storage as it was.
  const third = await openAt(t, context, url);
  assert.equal(await third.evaluate(() => document.querySelector('meta[name="sto-e2e-build"]')?.content), 'next');
  assert.equal(await third.evaluate(() => localStorage.getItem('sto-offline-test-marker')), 'kept');
  const after = await third.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const keys = (s) => JSON.parse(s).map(([k]) => k);
  for (const key of keys(storage)) assert.ok(keys(after).includes(key), `storage key ${key} kept`);
});

test('no request leaves the page\'s own origin', async (t) => {
  const context = await session.newContext();
  t.after(() => context.close());
  const origin = new URL(session.url).origin;
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  // Attempts the page's Content-Security-Policy blocks never reach the network: count them too.
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (event) => console.error(`csp-blocked: ${event.blockedURI}`)));
  context.on('console', (message) => {
    const m = /^csp-blocked: (.*)$/.exec(message.text());
    if (m) requests.push(`blocked by CSP: ${m[1]}`);
  });
  const page = await openApp(t, session, { context });
  page.on('websocket', (socket) => requests.push(socket.url()));
  if (!noWorker) await waitForOfflineCache(page);  // the worker's own requests count too
  // A few interactions: switch the language there and back, undo, move the mouse.
  await clickItem(page, 'English');
  await clickItem(page, 'Nederlands');
  await page.keyboard.press('Control+z');
  await page.mouse.move(300, 300);
  await waitFrames(page, 3);
  await page.reload();
  await page.waitForFunction(() => window.stoplan !== undefined);
  await page.evaluate(() => window.stoplan.ready);
  // What the page itself loaded, as the browser counts it (includes anything fetched by CSS).
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const all = [...requests, ...resources];
  assert.ok(all.length >= 4, `requests were recorded: ${all.join(', ')}`);
  const foreign = all.filter((u) => !(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:')));
  assert.deepEqual(foreign, [], `requests outside ${origin}`);
});
