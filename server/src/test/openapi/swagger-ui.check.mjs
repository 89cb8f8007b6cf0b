// Swagger UI at /v1/docs in headless Chromium (Debian's), driven by playwright-core.
//   node swagger-ui.check.mjs <baseUrl> <bearerToken> <screenshot.png>
// Run by io.paasruntime.server.SwaggerUiBrowserTest against a real server. Prints one JSON line:
// {"operations":["POST /v1/apps",…],"authorizedStatus":"200","anonymousStatus":"401","pageErrors":[…]}
// and exits 0 when the page loaded the document; the Java test asserts on the values.
import { chromium } from 'playwright-core';

const [base, token, screenshot] = process.argv.slice(2);
if (!base || !token || !screenshot) {
  console.error('usage: node swagger-ui.check.mjs <baseUrl> <bearerToken> <screenshot.png>');
  process.exit(2);
}
const TIMEOUT = 30_000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
const pageErrors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(`${base}/v1/docs`); // the redirect to /v1/docs/ is part of what is checked
  await page.waitForSelector('#operations-apps-createApp');
  const operations = await page.$$eval('.opblock', (blocks) => blocks.map((b) =>
    `${b.querySelector('.opblock-summary-method')?.textContent?.trim()} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`));

  // "Try it out" on GET /v1/apps, first without a token, then after Authorize with one
  const listApps = page.locator('#operations-apps-listApps');
  await listApps.locator('.opblock-summary').click();
  await listApps.locator('.try-out__btn').click();
  const execute = async () => {
    await listApps.locator('.execute').click();
    const status = listApps.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    const text = (await status.textContent()).trim();
    await listApps.locator('.btn-clear').click();
    return text;
  };
  const anonymousStatus = await execute();

  await page.locator('.auth-wrapper .authorize').click();
  const dialog = page.locator('.modal-ux');
  await dialog.locator('input').first().fill(token);
  await dialog.locator('.auth-btn-wrapper .authorize').click();
  await dialog.locator('.btn-done').click();
  const authorizedStatus = await execute();

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log(JSON.stringify({ operations, anonymousStatus, authorizedStatus, pageErrors }));
} catch (e) {
  console.log(JSON.stringify({ error: e.message, pageErrors }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
