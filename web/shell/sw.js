// STO Planner's service worker: keeps the app's own files in a cache named after the build, so
// the app starts without a network, and nothing else. It never touches localStorage or the plans
// (it cannot: workers have no localStorage), and it never fetches anything but this site's files.
//
// Versions: the build writes its id into this file (STO_BUILD_ID below, a hash of the site's
// files). A new build therefore changes sw.js; the browser compares sw.js on every visit
// (served with Cache-Control: no-cache), installs the new worker, which fills a new cache,
// takes over at once and deletes the old caches. The visit during which the update is found
// still runs the files it started with; the next visit runs the new build.
// Unstamped (the placeholder left in), the id comes from the query string: sw.js?v=ID.
'use strict';

const STAMPED_ID = '@STO_BUILD_ID@';
const BUILD_ID = STAMPED_ID.indexOf('@') === -1
  ? STAMPED_ID
  : new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE_PREFIX = 'sto-planner-';
const CACHE = CACHE_PREFIX + BUILD_ID;

// The app cannot start without these; install fails (and the old version stays) if one is missing.
const REQUIRED = ['./', 'index.html', 'access.js', 'stoplan-api.js', 'storage_records.js', 'sto_planner.js',
  'sto_planner.wasm'];
// Nice to have offline; a site without them still installs.
const OPTIONAL = ['manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': fetch from the server, never from the HTTP cache, so the cache holds one build.
    await cache.addAll(REQUIRED.map((path) => new Request(path, { cache: 'reload' })));
    await Promise.all(OPTIONAL.map((path) =>
      cache.add(new Request(path, { cache: 'reload' })).catch(() => undefined)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// Cache first for this site's own files, then the network; a page navigation (any query string)
// gets the cached page. Requests to other origins are not touched (the page makes none).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = request.mode === 'navigate'
      ? (await cache.match(request, { ignoreSearch: true })) || (await cache.match('./'))
      : await cache.match(request);
    if (cached) return cached;
    return fetch(request);
  })());
});
