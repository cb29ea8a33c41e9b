// Issue 18 item 3: plan files reach the core's strict loader as the bytes on disk. The project's
// hostile files with invalid UTF-8, a UTF-16 byte order mark or a NUL byte, opened through the
// file picker, dropped on the page or sent in a share link, get the refusal or the repair prompt
// that `stoplan check` gives, and the plan on screen stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { startSession, freshApp, clickItem, waitFrames, siteDir } from './helpers.mjs';

const hostileDir = new URL('../data/hostile/', import.meta.url).pathname;
// Files that file.text() used to change silently (U+FFFD for bad bytes, a decoded UTF-16 BOM).
const textTraps = ['invalid_utf8.json', 'invalid_utf8_title.json', 'utf16.json', 'nul_in_string.json'];

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// What `stoplan check` (the wasm build of the CLI, next to the site) says of a file: the refusal's
// reason, or for a file it loads in part the reason of each record it skipped.
function cliVerdict(file) {
  const cli = join(siteDir, '..', 'stoplan.js');
  assert.ok(existsSync(cli), `${cli} is built with the site`);
  let output = '';
  try {
    execFileSync('node', ['--no-experimental-fetch', cli, 'check', join(hostileDir, file)], { encoding: 'utf8', stdio: 'pipe' });
    assert.fail(`stoplan check accepted ${file}`);
  } catch (error) {
    assert.equal(error.status, 2, `stoplan check refuses ${file} with exit status 2`);
    output = `${error.stdout}${error.stderr}`;
  }
  const [first, ...rest] = output.trim().split('\n');
  const reason = first.slice(first.indexOf(`${file}: `) + file.length + 2);
  if (/maar voor een deel geladen/.test(reason)) return { repaired: rest.map((line) => line.trim()) };
  return { refused: reason };
}

const status = (page) => page.evaluate(() => window.stoplan.storageStatus());
const planText = (page) => page.evaluate(() => window.stoplan.planJson());

// The app answers as the CLI did: the same refusal in the banner, or the repair prompt naming the
// same skipped records (cancelled here). Either way the plan on screen stays as it was.
async function assertAnsweredAsCli(page, file, before) {
  const verdict = cliVerdict(file);
  if (verdict.refused) {
    await page.waitForFunction((f) => window.stoplan.storageStatus().banner.includes(`niet geopend ${f}: `), file, { timeout: 5000 });
    const { banner, pending_open: pending } = await status(page);
    assert.ok(banner.includes(`${file}: ${verdict.refused}`), `banner "${banner}" gives the reason of stoplan check "${verdict.refused}"`);
    assert.equal(pending, false, 'no prompt to open a changed plan');
  } else {
    await page.waitForFunction(() => window.stoplan.storageStatus().pending_open, null, { timeout: 5000 });
    await waitFrames(page, 3);
    for (const reason of verdict.repaired)
      assert.ok(await page.evaluate((r) => window.stoplan.itemRect(r), reason), `the repair prompt names "${reason}"`);
    await clickItem(page, 'Annuleren');
    assert.equal((await status(page)).pending_open, false);
  }
  assert.equal(await planText(page), before, 'the plan on screen is unchanged');
}

test('hostile text files chosen in the file picker get the refusal or repair prompt of stoplan check', async (t) => {
  const { page } = await freshApp(t, session);
  const before = await planText(page);
  for (const file of textTraps) {
    await clickItem(page, 'Bestand');
    const choosing = page.waitForEvent('filechooser');
    await clickItem(page, 'Plan openen…');
    await (await choosing).setFiles(join(hostileDir, file));
    await assertAnsweredAsCli(page, file, before);
  }
  assert.deepEqual(page.problems, []);
});

test('a UTF-16 file dropped on the page is refused, not decoded', async (t) => {
  const { page } = await freshApp(t, session);
  const before = await planText(page);
  const bytes = [...readFileSync(join(hostileDir, 'utf16.json'))];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'utf16.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await assertAnsweredAsCli(page, 'utf16.json', before);
  assert.deepEqual(page.problems, []);
});

test('a share link carrying invalid UTF-8 is refused, not opened with U+FFFD', async (t) => {
  const { page } = await freshApp(t, session);
  const before = await planText(page);
  const fragment = '#plan=' + deflateRawSync(readFileSync(join(hostileDir, 'invalid_utf8_title.json'))).toString('base64url');
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction(() => /link/i.test(window.stoplan.storageStatus().banner), null, { timeout: 5000 });
  const { banner, pending_open: pending } = await status(page);
  assert.match(banner, /UTF-8/);
  assert.equal(pending, false, 'no prompt to open a changed plan');
  assert.equal(await planText(page), before);
  assert.deepEqual(page.problems, []);
});
