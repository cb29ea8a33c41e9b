// The same smoke in Firefox ESR (Debian's firefox-esr, driven by puppeteer-core over WebDriver
// BiDi): the app starts, the accessibility tree has the sidebar, and a field is typed into
// through the accessible mirror. Headless Firefox has no WebGL2 here, so it runs in a real window
// on a virtual X server (Xvfb) that the test starts and stops itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { siteDir, startXvfb } from './helpers.mjs';
import { startServer } from '../../scripts/static-server.mjs';

let server, xvfb, browser, url;

before(async () => {
  server = await startServer(siteDir, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
  let display;
  ({ xvfb, display } = await startXvfb());
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.STO_FIREFOX || '/usr/bin/firefox-esr',
    headless: false,
    env: { ...process.env, DISPLAY: `:${display}`, LIBGL_ALWAYS_SOFTWARE: '1' },
    args: ['--width=1280', '--height=800'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (xvfb) xvfb.kill();
  if (server) server.close();
});

async function frames(page, count) {
  await page.evaluate((n) => new Promise((resolve) => {
    const start = window.stoplan.frameCount();
    const check = () => {
      if (window.stoplan.frameCount() >= start + n) resolve();
      else { window.stoplan.requestFrames(); setTimeout(check, 10); }
    };
    check();
  }), count);
}

test('Firefox ESR: the app starts, its accessibility engine finds the sidebar, a field takes typing', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.stoplan !== undefined);
  await page.evaluate(() => window.stoplan.ready);

  // Elements found by role and accessible name as Firefox's own accessibility engine computes
  // them (puppeteer's ARIA query over BiDi's browsingContext.locateNodes).
  for (const section of ['Overzicht', 'Regio & partners', 'Begroting'])
    assert.ok(await page.$(`::-p-aria([name="${section}"][role="button"])`), `${section} found by role and name`);
  assert.ok(await page.$('::-p-aria([name="Secties"][role="navigation"])'), 'the sections are a navigation landmark');

  await page.evaluate(() => [...document.querySelectorAll('#access nav button')].find((b) => b.textContent === 'Regio & partners').click());
  await frames(page, 4);
  await page.evaluate(() => document.querySelector('#access input[aria-label="Naam"]').focus());
  await frames(page, 4);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'INPUT');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type('Vakschool Firefox');
  await frames(page, 3);
  await page.keyboard.press('Enter');
  await frames(page, 4);
  const plan = await page.evaluate(() => JSON.parse(window.stoplan.planJson()).plan);
  assert.equal(plan.organisations[0].name, 'Vakschool Firefox');
  assert.deepEqual(errors, []);
  await page.close();
});
