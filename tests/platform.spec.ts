import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectSaved, question, chooseCountry, openNotes } from './support/app';
import { launchProfile, newProfileDir } from './support/browser';
import { deployNextBuild, startHost, type Host } from './support/host';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BUILD = process.env.BUILD_DIR ?? 'build';

/** Records CSP violations in the page itself (they are DOM events, not console messages). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push(`${e.violatedDirective} ${e.blockedURI}`)
    );
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

async function createQuick(
  page: Page,
  country: string,
  code: string,
  questionnaire: RegExp,
  origin = ''
) {
  await page.goto(`${origin}/#/assessments/new`);
  await chooseCountry(page, country, code);
  await page.getByRole('checkbox', { name: questionnaire }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  return /#\/assessments\/([^/]+)\//.exec(page.url())![1]!;
}

test('every screen keeps to the Content-Security-Policy and never leaves the origin', async ({
  page
}) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      outside.push(url);
    }
  });
  await recordViolations(page);
  await page.goto('/');
  const csp = await page
    .locator('meta[http-equiv="content-security-policy"]')
    .getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);

  const id = await createQuick(page, 'Malta', 'MT', /Privacy and data protection/);
  await question(page, 'law-in-force')
    .getByRole('radio', { name: /^4 Strategic/ })
    .check();
  await expectSaved(page);
  const screens = [
    '/',
    '/#/assessments/new',
    `/#/assessments/${id}`,
    `/#/assessments/${id}/results`,
    '/#/questionnaires',
    '/#/questionnaires/privacy-data-protection',
    '/#/method'
  ];
  for (const path of screens) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await violations(page), `CSP violations on ${path}`).toEqual([]);
  }
  expect(outside).toEqual([]);
});

test.describe('served with the header policy the README gives for nginx', () => {
  let host: Host | undefined;
  test.afterEach(async () => host?.close());

  test('every screen and a PDF work without a violation, and no other page can frame the app', async ({
    context,
    page
  }) => {
    const readme = readFileSync('README.md', 'utf8');
    const policies = [
      ...readme.matchAll(/add_header Content-Security-Policy "([^"]+)" always;/g)
    ].map((m) => m[1]!);
    expect(policies.length, 'the nginx example sends a Content-Security-Policy').toBeGreaterThan(0);
    expect(new Set(policies).size, 'every location sends the same policy').toBe(1);
    expect(policies[0]).toContain("frame-ancestors 'none'");
    host = await startHost(BUILD, { headers: { 'Content-Security-Policy': policies[0]! } });

    await recordViolations(page);
    await page.goto(`${host.origin}/`);
    const id = await createQuick(page, 'Fiji', 'FJ', /Cyber standards/, host.origin);
    await question(page, 'standards-policy').getByRole('radio').nth(2).check();
    await expectSaved(page);
    for (const path of ['/', '/#/questionnaires', '/#/method', `/#/assessments/${id}/results`]) {
      await page.goto(`${host.origin}${path}`);
      await expect(page.locator('main h1').first()).toBeVisible();
    }
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Country report (PDF)' }).click()
    ]);
    const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' });
    expect(text).toContain('Fiji');
    expect(await violations(page)).toEqual([]);

    const outside = await context.newPage();
    const refusals: string[] = [];
    outside.on('console', (m) => refusals.push(m.text()));
    await outside.setContent(`<iframe title="framed app" src="${host.origin}/"></iframe>`);
    await expect.poll(() => refusals.some((m) => m.includes("frame-ancestors 'none'"))).toBe(true);
  });
});

test('offline after one visit: a deep screen reloads, answering works, a PDF is made', async ({
  context,
  page
}) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);

  await context.setOffline(true);
  await page.goto('/#/questionnaires/cyber-standards');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cyber standards' })).toBeVisible();
  const id = await createQuick(page, 'Tonga', 'TO', /Cyber standards/);
  await page.reload();
  await question(page, 'standards-policy').getByRole('radio').nth(2).check();
  await expectSaved(page);
  await page.goto(`/#/assessments/${id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  await expect(
    page.locator('[data-scope="questionnaire"] [data-testid="completion"]')
  ).not.toHaveText('0.0%');
  // The report code, chart.js and the fonts all come from the service worker's cache.
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Country report (PDF)' }).click()
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^Tonga_\d{4}-\d{2}-\d{2}_country-report_AMBER\.pdf$/);
  const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Tonga');
  await context.setOffline(false);
});

test('Chromium finds the app installable', async () => {
  // Incognito contexts are never installable: use a real profile.
  const context = await launchProfile(newProfileDir());
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
    return (await fetch(href)).json();
  });
  expect(manifest.name).toBe('NCS Self-Assessment');
  await context.close();
});

test('two tabs: an answer in one shows in the other, and writing at once loses nothing', async () => {
  const context = await launchProfile(newProfileDir());
  const one = await context.newPage();
  await one.goto(`${ORIGIN}/`);
  await createQuick(one, 'Ghana', 'GH', /Privacy and data protection/, ORIGIN);
  const url = one.url();
  const two = await context.newPage();
  await two.goto(url);
  await expect(question(two, 'law-in-force')).toBeVisible();

  await question(one, 'law-in-force')
    .getByRole('radio', { name: /^3 Established/ })
    .check();
  await expect(
    question(two, 'law-in-force').getByRole('radio', { name: /^3 Established/ })
  ).toBeChecked();

  // Both tabs answer different questions at the same moment.
  await Promise.all([
    question(one, 'principles')
      .getByRole('radio', { name: /^2 Formative/ })
      .check(),
    question(two, 'public-private-scope')
      .getByRole('radio', { name: /^4 Strategic/ })
      .check()
  ]);
  await expectSaved(one);
  await expectSaved(two);
  const three = await context.newPage();
  await three.goto(url);
  await three.reload();
  await expect(
    question(three, 'law-in-force').getByRole('radio', { name: /^3 Established/ })
  ).toBeChecked();
  await expect(
    question(three, 'principles').getByRole('radio', { name: /^2 Formative/ })
  ).toBeChecked();
  await expect(
    question(three, 'public-private-scope').getByRole('radio', { name: /^4 Strategic/ })
  ).toBeChecked();
  await context.close();
});

test.describe('hosting', () => {
  let server: ChildProcess | undefined;
  test.afterEach(() => server?.kill());

  test('a build for a sub-path works under that sub-path', async ({ page }) => {
    // build-subpath/ is made by `npm run build:e2e` before the browser tests start.
    const env = { ...process.env, BASE_PATH: '/ministry/ncs', BUILD_DIR: 'build-subpath' };
    const port = PORT + 1;
    server = spawn('node', ['scripts/serve.js'], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore'
    });
    await expect
      .poll(() =>
        fetch(`http://127.0.0.1:${port}/ministry/ncs/`)
          .then((r) => r.status)
          .catch(() => 0)
      )
      .toBe(200);
    await page.goto(`http://127.0.0.1:${port}/ministry/ncs/#/questionnaires`);
    await page.getByRole('link', { name: 'Privacy and data protection' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Privacy and data protection' })
    ).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Privacy and data protection' })
    ).toBeVisible();
    await page.getByRole('link', { name: 'Assessments' }).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/ministry/ncs/#/`);
  });

  test('plain http under a host name: everything works, and the app says what needs https', async () => {
    const context = await launchProfile(newProfileDir(), [
      '--host-resolver-rules=MAP ncs-workshop.test 127.0.0.1'
    ]);
    const page = await context.newPage();
    await page.goto(`http://ncs-workshop.test:${PORT}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(page.getByTestId('insecure-warning')).toContainText('need https');
    await page.goto(`http://ncs-workshop.test:${PORT}/#/assessments/new`);
    await chooseCountry(page, 'Samoa', 'WS');
    await page.getByRole('checkbox', { name: /Cyberspace and extremism/ }).check();
    await page.getByRole('button', { name: 'Create and start answering' }).click();
    const first = page.locator('fieldset.question').first();
    await first.getByRole('radio').nth(1).check();
    await expectSaved(page);
    await page.reload();
    await expect(page.locator('fieldset.question').first().getByRole('radio').nth(1)).toBeChecked();
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    await context.close();
  });
});

test('a newer schema from another tab asks for a reload; an unreadable database offers a rescue copy', async ({
  page
}) => {
  await createQuick(page, 'Belize', 'BZ', /Cyber standards/);
  await question(page, 'standards-policy').getByRole('radio').first().check();
  await expectSaved(page);
  // Another tab (here: the same page's raw IndexedDB) upgrades the database to a newer version.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('ncs-self-assessment', 990);
        // The future schema gives the summaries another primary key, which this version cannot read.
        request.onupgradeneeded = () => {
          request.result.createObjectStore('fromTheFuture');
          request.result.deleteObjectStore('summaries');
          request.result.createObjectStore('summaries', { keyPath: 'key' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      })
  );
  await expect(page.getByRole('alert')).toContainText(
    'A newer version of this app was opened in another tab'
  );
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'The data in this browser cannot be opened' })
  ).toBeVisible();
  // The cause in the app's words, never the library's message.
  const screen = page.locator('section.recovery');
  await expect(screen).toContainText('A newer version of this app was used in this browser');
  await expect(screen).not.toContainText('Error');
  await expect(screen).not.toContainText('store');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save what can be read (JSON)' }).click();
  const file = await (await download).path();
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { stores: Record<string, unknown[]> };
  expect(saved.stores.assessments).toHaveLength(1);
  expect(Object.keys(saved.stores)).toContain('fromTheFuture');
});

test('storage the browser cannot read: the recovery screen says so in its own words', async ({
  page
}) => {
  // Every open fails as a damaged profile's does, with the browser's own internal message.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      const request = {} as IDBOpenDBRequest & { error: DOMException };
      setTimeout(() => {
        Object.defineProperty(request, 'error', {
          value: new DOMException('Internal error opening backing store.', 'UnknownError')
        });
        request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} } as never);
      });
      return request;
    };
  });
  await page.goto('/');
  const screen = page.locator('section.recovery');
  await expect(screen).toContainText('its storage may be damaged');
  await expect(screen).not.toContainText('Internal error');
  await screen.getByRole('button', { name: 'Save what can be read (JSON)' }).click();
  await expect(screen.getByRole('status')).toContainText(
    'Nothing could be read from this browser’s storage'
  );
  await expect(screen).not.toContainText('Internal error');
});

test('a new version is offered with "reload to update", without taking the focus from typing', async ({
  page
}) => {
  // A copy of the build on its own port, so the test can "deploy" a new version into it.
  const dir = mkdtempSync(join(tmpdir(), 'ncs-deploy-'));
  cpSync(process.env.BUILD_DIR ?? 'build', dir, { recursive: true });
  const port = PORT + 2;
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn('node', ['scripts/serve.js'], {
    env: { ...process.env, BUILD_DIR: dir, PORT: String(port) },
    stdio: 'ignore'
  });
  try {
    await expect
      .poll(() =>
        fetch(`${origin}/`)
          .then((r) => r.status)
          .catch(() => 0)
      )
      .toBe(200);
    await page.goto(`${origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    await createQuick(page, 'Nauru', 'NR', /Privacy and data protection/, origin);
    await openNotes(question(page, 'law-in-force'));
    const comment = question(page, 'law-in-force').getByLabel('Comment', { exact: true });
    await comment.click();
    await page.keyboard.type('Act of 2019');

    // Deploy: the service worker file changes; the browser finds the new version.
    appendFileSync(join(dir, 'service-worker.js'), '\n// a new deployment\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect(
      page.getByRole('status').filter({ hasText: 'A new version of the app is ready' })
    ).toBeVisible();
    await expect(comment).toBeFocused();
    await page.keyboard.type(', in force 2021');
    await expect(comment).toHaveValue('Act of 2019, in force 2021');

    await page.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
    await expect(question(page, 'law-in-force').getByLabel('Comment', { exact: true })).toHaveValue(
      'Act of 2019, in force 2021'
    );
  } finally {
    server.kill();
  }
});

test.describe('updates on a host that lets browsers cache index.html', () => {
  let host: Host | undefined;
  test.afterEach(async () => host?.close());

  /** Visits once and waits until the service worker controls the page. */
  async function installFirstVersion(page: Page, origin: string) {
    await page.goto(`${origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
  }

  /** Asks the browser to look for a new version; says how the new service worker's install ended. */
  function checkForUpdate(page: Page): Promise<string> {
    return page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      const found = new Promise<ServiceWorker>((resolve) =>
        registration.addEventListener('updatefound', () => resolve(registration.installing!), {
          once: true
        })
      );
      await registration.update();
      const worker = await found;
      return new Promise<string>((resolve) => {
        const settled = () => worker.state === 'installed' || worker.state === 'redundant';
        if (settled()) resolve(worker.state);
        worker.addEventListener('statechange', () => settled() && resolve(worker.state));
      });
    });
  }

  test('after "reload to update" the app still shows, online and offline, once the old files are gone', async ({
    context,
    page
  }) => {
    host = await startHost(BUILD, { page: 'max-age=600' });
    await installFirstVersion(page, host.origin);

    deployNextBuild(host.dir);
    expect(await checkForUpdate(page)).toBe('installed');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

    // The previous version's files leave the browser's HTTP cache (evicted, or a restart).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    const assessments = page.getByRole('heading', { level: 1, name: 'Assessments' });
    await page.reload();
    await expect(assessments).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    await expect(assessments).toBeVisible();
    await page.goto(`${host.origin}/#/questionnaires/cyber-standards`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Cyber standards' })).toBeVisible();
    await context.setOffline(false);
  });

  test('a host still handing out the previous page: the new version is not installed and the app keeps working', async ({
    page
  }) => {
    host = await startHost(BUILD);
    await installFirstVersion(page, host.origin);

    deployNextBuild(host.dir, { keepPage: true });
    expect(await checkForUpdate(page)).toBe('redundant');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
  });
});
