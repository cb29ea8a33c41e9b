// Share links: the compact form's length for the sample plans and its round trip into a fresh
// browser, links of the earlier format (the deflated plan file text) still opening, the dialog's
// advice for a link too long for mail, and links that inflate far past the file size limit (a
// "zip bomb" in the fragment): the page stops inflating at 64 MB and the app refuses the link
// with its usual message, quickly and without holding the whole inflated text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { startSession, freshApp, openApp, clickItem, waitFrames } from './helpers.mjs';

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'samples');

let session;
let bomb;  // base64url deflate-raw of 400 MB of spaces
before(async () => {
  session = await startSession();
  // Compressed as a stream of 1 MB pieces: the test never holds the 400 MB either.
  const piece = Buffer.alloc(1 << 20, 0x20);
  const parts = [];
  await pipeline(
    Readable.from((function* () { for (let i = 0; i < 400; ++i) yield piece; })()),
    createDeflateRaw({ level: 9 }),
    async (source) => { for await (const part of source) parts.push(part); });
  bomb = Buffer.concat(parts).toString('base64url');
});
after(async () => { await session?.close(); });

const tooLarge = /te groot \(meer dan 64 MB\)/;

// The CDP heap figures of the page: V8's used heap, and with it the ArrayBuffer backing stores
// where the browser reports them.
async function heap(cdp) {
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { used: usage.usedSize, withBuffers: usage.usedSize + (usage.backingStorageSize || 0) };
}

test('a link that inflates to 400 MB is refused in under a second, without the heap growing 100 MB', async (t) => {
  const { context, page } = await freshApp(t, session);
  const original = await page.evaluate(() => window.stoplan.planJson());
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const start = await heap(cdp);
  let peak = { ...start };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const now = await heap(cdp);
      peak = { used: Math.max(peak.used, now.used), withBuffers: Math.max(peak.withBuffers, now.withBuffers) };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  // A link pasted into the address bar of the open tab: only the fragment changes.
  const result = await page.evaluate((fragment) => new Promise((resolve) => {
    const t0 = performance.now();
    location.hash = fragment;
    const check = () => {
      const banner = window.stoplan.storageStatus().banner;
      const ms = performance.now() - t0;
      if (/te groot/.test(banner) || ms > 20000) resolve({ ms, banner });
      else setTimeout(check, 2);
    };
    check();
  }), '#plan=' + bomb);
  sampling = false;
  await sampler;
  const end = await heap(cdp);
  peak = { used: Math.max(peak.used, end.used), withBuffers: Math.max(peak.withBuffers, end.withBuffers) };
  const mb = (bytes) => (bytes / 1048576).toFixed(1);
  console.log(`bomb link: ${bomb.length} characters; refused after ${result.ms.toFixed(0)} ms; ` +
              `peak heap growth ${mb(peak.used - start.used)} MB (V8), ` +
              `${mb(peak.withBuffers - start.withBuffers)} MB (V8 + array buffers)`);

  assert.match(result.banner, tooLarge);
  // The time is printed, not asserted (a shared 2-core machine makes wall clocks flaky): the heap
  // bound below is what proves the inflation stops at the limit instead of running to 400 MB.
  assert.ok(peak.used - start.used < 100 * 1048576, `V8 heap grew ${mb(peak.used - start.used)} MB`);
  assert.ok(peak.withBuffers - start.withBuffers < 100 * 1048576,
            `heap and buffers grew ${mb(peak.withBuffers - start.withBuffers)} MB`);
  // The tab lives on with its plan; nothing is asked.
  await waitFrames(page, 3);
  assert.equal(await page.evaluate(() => window.stoplan.planJson()), original);
  assert.equal((await page.evaluate(() => window.stoplan.storageStatus())).pending_open, false);
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.deepEqual(page.problems, []);
});

test('a new tab opened with the bomb link starts, and shows the refusal in the UI language', async (t) => {
  const context = await session.newContext();
  t.after(() => context.close());
  // Ready resolves once the link is handled.
  const page = await openApp(t, session, { context, url: session.url + '#plan=' + bomb });
  const status = await page.evaluate(() => window.stoplan.storageStatus());
  assert.match(status.banner, tooLarge);
  assert.match(status.banner, /Deze deellink bevat geen leesbaar plan/);
  assert.equal(status.pending_open, false);
  assert.ok((await page.evaluate(() => window.stoplan.summaryJson())).totals, 'the app answers');
  assert.deepEqual(page.problems, []);
});

test('a link just under the limit still opens (the limit is on the inflated size, not lower)', async (t) => {
  const { page } = await freshApp(t, session);
  // The sample plan padded with trailing spaces to 60 MB: inflated completely, then asked about.
  const text = await page.evaluate(() => window.stoplan.planJson());
  const padded = Buffer.concat([Buffer.from(text), Buffer.alloc(60 * 1048576 - Buffer.byteLength(text), 0x20)]);
  const data = await new Promise((resolve, reject) => {
    const parts = [];
    const deflate = createDeflateRaw({ level: 9 });
    deflate.on('data', (part) => parts.push(part));
    deflate.on('end', () => resolve(Buffer.concat(parts).toString('base64url')));
    deflate.on('error', reject);
    deflate.end(padded);
  });
  await page.evaluate((fragment) => { location.hash = fragment; }, '#plan=' + data);
  await page.waitForFunction(() => window.stoplan.storageStatus().pending_open, null, { timeout: 15000 });
  assert.doesNotMatch((await page.evaluate(() => window.stoplan.storageStatus())).banner, /te groot/);
  assert.deepEqual(page.problems, []);
});

const planOf = async (page) => JSON.parse(await page.evaluate(() => window.stoplan.planJson())).plan;

// Opens `url` in a fresh browser context (its own storage), confirms the question, and returns
// the page with the plan opened.
async function openInFreshBrowser(t, url) {
  const context = await session.newContext();
  t.after(() => context.close());
  const page = await openApp(t, session, { context, url });
  await waitFrames(page, 3);
  assert.equal((await page.evaluate(() => window.stoplan.storageStatus())).pending_open, true, 'it asks first');
  await clickItem(page, 'Openen');
  await waitFrames(page, 3);
  return page;
}

test('the sample plans\' share links are short (≤ 2,500 characters for the sample), and open as the same plan', async (t) => {
  const { page } = await freshApp(t, session);
  const lengths = {};
  for (const name of ['klein-voorbeeld-2020', 'verlenging-2024', 'voorbeeldregio']) {
    const text = readFileSync(join(samplesDir, `${name}.json`), 'utf8');
    const url = await page.evaluate((plan) => window.stoplan.makeShareLink(plan), text);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#p=[A-Za-z0-9_-]+$/);
    const before = deflateRawSync(Buffer.from(text)).toString('base64url').length;
    lengths[name] = url.length;
    console.log(`share link of ${name}.json: ${url.length} characters with the origin ` +
                `(${url.length - url.indexOf('#')} in the fragment; the file text deflated: ${before})`);
  }
  assert.ok(lengths.voorbeeldregio <= 2500, `${lengths.voorbeeldregio} characters`);

  // The open app holds the sample plan: its link opens the same plan in another browser.
  const original = await planOf(page);
  const summary = await page.evaluate(() => window.stoplan.summaryJson());
  const url = await page.evaluate(() => window.stoplan.makeShareLink(window.stoplan.planJson()));
  const other = await openInFreshBrowser(t, url);
  assert.deepEqual(await planOf(other), original);
  assert.deepEqual(await other.evaluate(() => window.stoplan.summaryJson()), summary);
  assert.deepEqual(other.problems, []);
  assert.deepEqual(page.problems, []);
});

test('a link of the earlier format (the plan file text, deflated, after #plan=) still opens', async (t) => {
  const { page } = await freshApp(t, session);
  const text = await page.evaluate(() => window.stoplan.planJson());
  // Made as the release before the compact form made every link.
  const url = session.url + '#plan=' + deflateRawSync(Buffer.from(text)).toString('base64url');
  const other = await openInFreshBrowser(t, url);
  assert.deepEqual(await planOf(other), JSON.parse(text).plan);
  assert.deepEqual(other.problems, []);
});

test('a damaged compact link is refused with a message, and the plan stays', async (t) => {
  const { page } = await freshApp(t, session);
  const original = await page.evaluate(() => window.stoplan.planJson());
  const url = await page.evaluate(() => window.stoplan.makeShareLink(window.stoplan.planJson()));
  // The same data cut short: deflate ends early, or the plan data does.
  const data = Buffer.from(url.slice(url.indexOf('#p=') + 3), 'base64url');
  const cut = deflateRawSync(inflateRawSync(data).subarray(0, 100)).toString('base64url');
  await page.evaluate((fragment) => { location.hash = fragment; }, '#p=' + cut);
  await page.waitForFunction(() => /deellink/.test(window.stoplan.storageStatus().banner), null, { timeout: 10000 });
  const status = await page.evaluate(() => window.stoplan.storageStatus());
  assert.match(status.banner, /Deze deellink bevat geen leesbaar plan/);
  assert.match(status.banner, /De link is beschadigd of onvolledig/);
  assert.equal(status.pending_open, false);
  assert.equal(await page.evaluate(() => window.stoplan.planJson()), original);
  assert.deepEqual(page.problems, []);
});

test('a plan whose link is too long for mail: the dialog says so and offers the plan file', async (t) => {
  const { page } = await freshApp(t, session);
  // 600 more budget lines with descriptions deflate cannot shorten: far above 8,000 characters.
  const file = JSON.parse(await page.evaluate(() => window.stoplan.planJson()));
  const activity = file.plan.activities[0];
  const template = activity.lines[activity.lines.length - 1];
  let seed = 17;
  const word = () => Array.from({ length: 12 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
  }).join('');
  for (let i = 0; i < 600; ++i) {
    activity.lines.push({ ...template, id: `extra-${i}`, description: `${word()} ${word()}` });
  }
  const loaded = await page.evaluate((text) => window.stoplan.loadPlanJson(text), JSON.stringify(file));
  assert.equal(loaded.ok, true, loaded.error);
  await waitFrames(page, 3);
  await clickItem(page, 'Bestand');
  await clickItem(page, 'Deellink maken…');
  await waitFrames(page, 3);
  const message = "Deze link is te lang voor e-mail (meer dan 8.000 tekens): e-mailprogramma's breken hem af. " +
    'Stuur liever het planbestand mee. Kopiëren kan nog wel, bijvoorbeeld voor een chatprogramma.';
  let rect = null;
  for (let i = 0; i < 20 && !rect; ++i) {
    await waitFrames(page, 2);
    rect = await page.evaluate((label) => window.stoplan.itemRect(label), message);
  }
  assert.ok(rect, 'the dialog says the link is too long for mail');
  const link = await page.evaluate(() => window.stoplan.makeShareLink(window.stoplan.planJson()));
  console.log(`share link of the sample plan with 600 more lines: ${link.length} characters`);
  assert.ok(link.length > 8000);
  // The count as Dutch writes numbers ("17.497 tekens").
  const counts = await page.evaluate(() => Array.from(document.querySelectorAll('#access [data-sto-id]'))
    .map((el) => el.textContent || '').filter((text) => / tekens$/.test(text)));
  assert.equal(counts.length, 1, 'one character count');
  assert.match(counts[0], /^\d{1,3}(\.\d{3})+ tekens$/);
  assert.ok(await page.evaluate(() => window.stoplan.itemRect('Kopiëren')), 'the link can still be copied');
  const downloading = page.waitForEvent('download');
  await clickItem(page, 'Planbestand downloaden');
  const download = await downloading;
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.plan.activities[0].lines.length, activity.lines.length);
  assert.deepEqual(page.problems, []);
});
