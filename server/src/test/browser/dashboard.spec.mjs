// The dashboard's acceptance walk in headless Chromium (Debian's), driven by playwright-core.
//   node dashboard.spec.mjs <baseUrl> <app.tar.gz> <screenshotsDir>
// Run by io.paasruntime.server.DashboardBrowserTest against a real server; exits 0 when every step passed.
// Assertions are on what the page shows (text in the DOM), never on the API alone.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, tarball, shots] = process.argv.slice(2);
if (!base || !tarball || !shots) {
  console.error('usage: node dashboard.spec.mjs <baseUrl> <app.tar.gz> <screenshotsDir>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const APP = 'hello';
const EMAIL = `dash-${Date.now()}@example.com`; // unique, so the walk can also run against a long-lived server
const PASSWORD = 'dashboard-pw-1';
const TIMEOUT = 30_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
context.setDefaultTimeout(TIMEOUT);
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
let passed = 0;

function check(condition, message) {
  if (!condition) {
    throw new Error(`assertion failed: ${message}`);
  }
}

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok ${passed} - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    console.log(`not ok - ${name}`);
    throw e;
  }
}

async function shot(name, fullPage = true) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

/** Waits until fn (run in the page) answers truthy. */
async function until(description, fn, arg) {
  try {
    return await page.waitForFunction(fn, arg, { timeout: TIMEOUT, polling: 250 });
  } catch (e) {
    throw new Error(`timed out waiting for ${description}`);
  }
}

/**
 * On the app page: the newest release is current and every instance is up. The walk waits for this
 * before deleting, because a delete during a rollout waits on the server for the rollout to time out
 * (the app lock is held while the rollout needs it to report its status).
 */
async function rolloutSettled() {
  await until('the rollout to settle', () => {
    const newest = document.querySelector('#releases tr[data-version]');
    const states = [...document.querySelectorAll('#processes tr[data-instance] .badge')].map((b) => b.textContent);
    return newest?.dataset.current === 'true' && states.length > 0 && states.every((s) => s === 'up');
  });
}

const token = () => page.evaluate(() => sessionStorage.getItem('paas.token'));
const row = (table, attr, value) => page.locator(`${table} tr[data-${attr}="${value}"]`);

try {
  await step('GET / redirects to the dashboard, which asks to log in', async () => {
    const response = await page.goto(`${base}/`);
    check(new URL(page.url()).pathname === '/runtime/dashboard/', `landed on ${page.url()}`);
    check(response.ok(), `status ${response.status()}`);
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    await shot('login-desktop', false);
  });

  await step('a wrong password shows the API error with its request id', async () => {
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.locator('#alerts .alert').last();
    await alert.waitFor();
    const text = await alert.innerText();
    check(/Request id:\s*req_/.test(text), `alert shows a request id: ${text}`);
    check(/Log in/.test(text), `alert says what failed: ${text}`);
  });

  await step('signs up through the form and lands on an empty app list', async () => {
    await page.getByRole('link', { name: 'Sign up' }).first().click();
    await page.getByRole('heading', { name: 'Sign up', level: 1 }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Team name').fill(`team-${Date.now()}`);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Apps', exact: true, level: 1 }).waitFor();
    await page.getByText('No apps yet').waitFor();
    check((await page.locator('#account').innerText()).includes(EMAIL), 'the signed-in email in the header');
  });

  await step('an invalid app name is refused with the validation message and request id', async () => {
    await page.getByLabel('App name').fill('Not_A_Label');
    await page.getByRole('button', { name: 'Create app' }).click();
    const alert = page.locator('#alerts .alert').filter({ hasText: 'Create app' }).last();
    await alert.waitFor();
    const text = await alert.innerText();
    check(/name/i.test(text) && /Request id:\s*req_/.test(text), `validation alert: ${text}`);
  });

  await step('creates an app from the keyboard (Enter submits), listed as not deployed', async () => {
    await page.getByLabel('App name').fill(APP);
    await page.getByLabel('App name').press('Enter');
    await row('#apps-list', 'app', APP).filter({ hasText: 'not deployed' }).waitFor();
  });

  await step('an unknown app gets one "no app" message and its request id, not a page of errors', async () => {
    await page.goto(`${base}/runtime/dashboard/#/apps/no-such-app`);
    await page.getByText('There is no app named no-such-app').waitFor();
    const alerts = page.locator('#alerts .alert');
    check(await alerts.count() === 1, `one alert, not ${await alerts.count()}`);
    check(/no-such-app/.test(await alerts.innerText()) && /Request id:\s*req_/.test(await alerts.innerText()), await alerts.innerText());
    await page.getByRole('link', { name: '← All apps' }).click();
    await row('#apps-list', 'app', APP).waitFor();
  });

  await step('deploys the example app through the API; the list shows v1 and its URL', async () => {
    const response = await fetch(`${base}/v1/apps/${APP}/deploys?description=from+the+browser+test`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token()}`, 'Content-Type': 'application/gzip' },
      body: readFileSync(tarball),
    });
    check(response.status === 201, `deploy answered ${response.status}: ${await response.text()}`);
    await row('#apps-list', 'app', APP).filter({ hasText: 'v1' }).filter({ hasText: 'http://127.0.0.1:' }).waitFor();
    await shot('apps-desktop');
  });

  await step('the app page shows processes with web.1 up', async () => {
    await page.getByRole('link', { name: APP, exact: true }).click();
    await page.getByRole('heading', { name: APP, level: 1 }).waitFor();
    await row('#processes', 'instance', 'web.1').filter({ hasText: 'up' }).waitFor();
    await row('#processes', 'instance', 'worker.1').waitFor();
    const web = await page.locator('article[data-type="web"]').innerText();
    check(web.includes('python3 server.py'), `web's command shown: ${web}`);
  });

  await step('a request to the app shows up in the live log', async () => {
    await page.locator('#log-lines li').first().waitFor(); // the recent lines have loaded and the stream is open
    const webUrl = await page.locator('#app-summary a[href^="http"]').getAttribute('href');
    check((await fetch(`${webUrl}/?from=dashboard-test`)).ok, 'the app answers on its web_url');
    const line = page.locator('#log-lines li').filter({ hasText: 'GET /?from=dashboard-test' });
    await line.waitFor();
    check((await line.first().innerText()).includes('web.1'), 'the line names its instance');
  });

  await step('filtering the log by process shows only that process', async () => {
    await page.getByLabel('Process', { exact: true }).selectOption('web');
    await page.locator('#log-lines li').filter({ hasText: 'GET /?from=dashboard-test' }).waitFor();
    await until('only web lines', () => {
      const items = [...document.querySelectorAll('#log-lines li')];
      return items.length > 0 && items.every((li) => li.dataset.process === 'web');
    });
  });

  await step('pausing the log holds new lines until resumed', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    const webUrl = await page.locator('#app-summary a[href^="http"]').getAttribute('href');
    await fetch(`${webUrl}/?while=paused`);
    await page.getByText(/new lines? held/).waitFor();
    check(await page.locator('#log-lines li').filter({ hasText: 'while=paused' }).count() === 0, 'held line not shown');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('#log-lines li').filter({ hasText: 'while=paused' }).waitFor();
  });

  await step('a config var is masked until revealed', async () => {
    await page.locator('#section-config').getByLabel('Key').fill('GREETING');
    await page.locator('#section-config').getByLabel('Value').fill('hello-from-the-dashboard');
    await page.getByRole('button', { name: 'Set config var' }).click();
    const greeting = row('#config-vars', 'key', 'GREETING');
    await greeting.waitFor();
    check(!(await greeting.innerText()).includes('hello-from-the-dashboard'), 'value hidden before reveal');
    await page.getByRole('button', { name: 'Reveal GREETING' }).click();
    await greeting.filter({ hasText: 'hello-from-the-dashboard' }).waitFor();
    await page.getByRole('button', { name: 'Hide GREETING' }).click();
  });

  await step('the config change is release v2, marked current', async () => {
    await row('#releases', 'version', '2').filter({ hasText: 'current' }).waitFor();
    check((await row('#releases', 'version', '2').innerText()).includes('Set GREETING'), 'v2 says why it exists');
    await row('#releases', 'version', '1').getByRole('button', { name: 'Roll back to v1' }).waitFor();
  });

  await step('scaling worker to 2 shows worker.2', async () => {
    await page.getByLabel('Replicas of worker').fill('2');
    await page.locator('article[data-type="worker"]').getByRole('button', { name: 'Scale' }).click();
    await row('#processes', 'instance', 'worker.2').waitFor();
    await page.locator('article[data-type="worker"] h3').filter({ hasText: '× 2' }).waitFor();
  });

  await step('restarting web says so and web.1 comes back up', async () => {
    await page.getByRole('button', { name: 'Restart web' }).click();
    await page.locator('#status').filter({ hasText: 'Restarting web' }).waitFor();
    await row('#processes', 'instance', 'web.1').filter({ hasText: 'up' }).waitFor();
  });

  await step('cpu and memory charts draw the samples of the app', async () => {
    await page.getByLabel('Range').selectOption('5m');
    for (const kind of ['cpu', 'memory']) {
      await until(`${kind} samples of web`, (k) => {
        const figure = document.getElementById(`chart-${k}`);
        return figure && Number(figure.dataset.points) > 0 && figure.dataset.series.split(',').includes('web')
          && figure.querySelector('canvas') !== null;
      }, kind);
    }
    const caption = await page.locator('#chart-memory figcaption').innerText();
    check(/latest: .*web [\d.]+ MiB/.test(caption), `memory caption: ${caption}`);
    await until('a non-empty canvas', () => {
      const canvas = document.querySelector('#chart-memory canvas');
      return canvas.width > 0 && canvas.height > 0;
    });
  });

  await step('rolls back to v1: the new v3 is current and v2 can be rolled back to', async () => {
    await row('#releases', 'version', '1').getByRole('button', { name: 'Roll back to v1' }).click();
    await row('#releases', 'version', '3').filter({ hasText: 'current' }).waitFor();
    await row('#releases', 'version', '2').getByRole('button', { name: 'Roll back to v2' }).waitFor();
    check(!(await row('#releases', 'version', '2').innerText()).includes('current'), 'v2 no longer current');
    await page.locator('#current-release').filter({ hasText: 'v3' }).waitFor();
  });

  await step('attaching a database lists the add-on and sets DATABASE_URL (masked)', async () => {
    await page.getByRole('button', { name: 'Attach database' }).click();
    await page.locator('#addons tr[data-addon]').filter({ hasText: 'DATABASE_URL' }).waitFor();
    const database = row('#config-vars', 'key', 'DATABASE_URL');
    await database.waitFor();
    check(!(await database.innerText()).includes('postgres'), 'the database URL stays masked');
  });

  await step('screenshots of the app page at desktop and phone width', async () => {
    await rolloutSettled(); // the add-on's release has rolled out: one instance per replica on the pictures
    await shot('app-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await until('the charts resized to the phone', () =>
      document.querySelector('#chart-cpu canvas')?.getBoundingClientRect().width <= 390);
    await shot('app-phone');
    await shot('app-phone-top', false);
    await page.getByRole('link', { name: '← All apps' }).click();
    await row('#apps-list', 'app', APP).waitFor();
    await shot('apps-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('detaching the database asks first, then removes it', async () => {
    await page.getByRole('link', { name: APP, exact: true }).click();
    const addon = page.locator('#addons tr[data-addon]');
    await addon.waitFor();
    await addon.getByRole('button', { name: /^Detach / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Detach and delete' }).click();
    await page.getByText('No add-ons.').waitFor();
    await row('#config-vars', 'key', 'DATABASE_URL').waitFor({ state: 'detached' });
    await rolloutSettled();
    await page.getByRole('link', { name: '← All apps' }).click();
  });

  await step('deleting asks for confirmation; Cancel or Escape keeps the app', async () => {
    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: `Delete ${APP}` }).click();
    await dialog.getByRole('heading', { name: `Delete ${APP}?` }).waitFor();
    check(await page.evaluate(() => document.activeElement.textContent) === 'Cancel', 'focus starts on Cancel');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: `Delete ${APP}` }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await row('#apps-list', 'app', APP).waitFor();
    check(!(await page.locator('#status').innerText()).includes('Deleted'), 'nothing was deleted');
  });

  await step('deleting the app moves it to the deleted apps, restorable', async () => {
    await page.getByRole('button', { name: `Delete ${APP}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: `Delete ${APP}` }).click();
    await row('#deleted-apps', 'app', APP).getByRole('button', { name: `Restore ${APP}` }).waitFor();
    await row('#apps-list', 'app', APP).waitFor({ state: 'detached' });
    await page.getByText('No apps yet').waitFor();
    await shot('apps-deleted-desktop');
  });

  await step('a deleted app can be restored: it is listed again and its processes come back up', async () => {
    await row('#deleted-apps', 'app', APP).getByRole('button', { name: `Restore ${APP}` }).click();
    await row('#apps-list', 'app', APP).waitFor();
    await page.getByText('No deleted apps.').waitFor();
    await page.getByRole('link', { name: APP, exact: true }).click();
    await row('#processes', 'instance', 'worker.2').waitFor();
    await rolloutSettled();
    await page.getByRole('link', { name: '← All apps' }).click();
  });

  await step('deleted again, the app is only in the deleted list', async () => {
    await page.getByRole('button', { name: `Delete ${APP}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: `Delete ${APP}` }).click();
    await row('#deleted-apps', 'app', APP).waitFor();
    await row('#apps-list', 'app', APP).waitFor({ state: 'detached' });
  });

  await step('logging out forgets the token', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    check(await token() === null, 'no token left in sessionStorage');
  });

  check(pageErrors.length === 0, `no uncaught errors in the page: ${pageErrors.join(' | ')}`);
  console.log(`# all ${passed} steps passed`);
} catch (e) {
  console.log(`FAILED: ${e.message}`);
  try {
    await shot('failure');
    console.log(`page at failure (${page.url()}):\n${(await page.locator('body').innerText()).slice(0, 3000)}`);
  } catch (inner) {
    console.log(`(no page state: ${inner.message})`);
  }
  if (pageErrors.length > 0) {
    console.log(`uncaught errors in the page: ${pageErrors.join(' | ')}`);
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
