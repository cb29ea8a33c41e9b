import { startSession, loadApp, clickItem, waitFrames } from './helpers.mjs';
const session = await startSession();
const page = await session.context.newPage();
await loadApp(page, session.url);
// The sample plan: its first organisation pays budget lines, so removing it is refused.
await clickItem(page, 'Regio & partners');
await waitFrames(page, 3);
await clickItem(page, '×');
await waitFrames(page, 5);
await page.screenshot({ path: '/tmp/edit-shot/refused.png' });
console.log(await page.evaluate(() => window.stoplan.storageStatus()));
await clickItem(page, 'Begroting');
await waitFrames(page, 5);
await page.screenshot({ path: '/tmp/edit-shot/budget.png' });
await session.close();
