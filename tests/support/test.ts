/**
 * `test` and `expect` for every spec: the page waits, after each full page load, until the app's
 * router has shown its first screen. Until then a change of the address (page.goto to another
 * '#/…' screen) can be overwritten by the router's own start-up — a real user cannot be that
 * fast, a test driver can.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

const READY = 'html[data-ready]';

export function waitForAppReady(page: Page): void {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const settle = async () => {
    // Pages outside the app (a 404, a PDF) never become ready: do not wait for them forever.
    await page
      .waitForSelector(READY, { state: 'attached', timeout: 15_000 })
      .catch(() => undefined);
  };
  page.goto = async (...args) => {
    const response = await goto(...args);
    await settle();
    return response;
  };
  page.reload = async (...args) => {
    const response = await reload(...args);
    await settle();
    return response;
  };
}

/** Applies the wait to every page of a context made by hand (persistent profiles). */
export function waitForAppReadyIn(context: BrowserContext): BrowserContext {
  for (const page of context.pages()) waitForAppReady(page);
  context.on('page', waitForAppReady);
  return context;
}

export const test = base.extend({
  page: async ({ page }, use) => {
    waitForAppReady(page);
    await use(page);
  }
});
