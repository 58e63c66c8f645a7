/**
 * What every benchmark row shares: the settings, the browser, seeding the app's database, CPU
 * profiles and the median run (docs/performance.md says how to run them).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../tests/support/browser';
import type { SeedRecords } from './seed';

export const PORT = Number(process.env.BENCH_PORT ?? 4390);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
// Its own build folder, so a build started meanwhile (tests) cannot change files under it.
export const BUILD = process.env.BENCH_BUILD_DIR ?? 'build-bench';
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Repeats of the slow ratio rows (CSV import, backup, restore), each in a fresh browser. */
export const RATIO_RUNS = Number(process.env.BENCH_RATIO_RUNS ?? 3);
/** A folder: the ratio rows also write CPU profiles of the page (not of workers) there. */
export const PROFILE_DIR = process.env.BENCH_PROFILE;

export interface Row {
  what: string;
  target: string;
  measured: number | null;
  unit: 'KB' | 'ms' | 'ratio';
  baseline: number | null;
  baselineWhat: string;
  /** Measured value compared with the target (a ratio to the baseline where the target is one). */
  met: boolean | null;
  note: string;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function launch(): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ncs-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    // Only so the baselines can run papaparse from a script tag; the app's CSP is not measured here.
    bypassCSP: true,
    viewport: { width: 1280, height: 900 }
  });
  return { context, dir };
}

/**
 * Waits until the app's service worker is installed and active. On a first visit it precaches
 * every built file: seconds of fetching and compiling on the second core, once per version,
 * which a ministry's import on an installed app never meets and the baseline (run later in the
 * same page) never pays.
 */
export async function installed(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/**
 * Resolves when an element matching `css` (and, when given, whose text matches `text`) is in
 * the page. A MutationObserver in the page, not Playwright's polling: the poll queries the page
 * on its main thread again and again while the clock runs (about 130 ms of a CSV import's
 * profile), work the baseline never pays.
 */
export function appears(page: Page, css: string, text?: RegExp, timeout = 120_000): Promise<void> {
  return page.evaluate(
    ({ css, source, timeout }) =>
      new Promise<void>((resolve, reject) => {
        const pattern = source === null ? null : new RegExp(source);
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const observer = new MutationObserver(() => {
          const matches = [...document.querySelectorAll(css)];
          if (!matches.some((e) => pattern === null || pattern.test(e.textContent ?? ''))) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${css} did not appear in ${timeout} ms`));
        }, timeout);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        // Already there: the first mutation check would wait for a change that may never come.
        const now = [...document.querySelectorAll(css)];
        if (now.some((e) => pattern === null || pattern.test(e.textContent ?? ''))) {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }
      }),
    { css, source: text?.source ?? null, timeout }
  );
}

/** Writes records straight into the app's IndexedDB (after the app created its schema). */
export async function seed(page: Page, records: SeedRecords): Promise<void> {
  await page.goto(`${ORIGIN}/`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.waitForFunction(() =>
    indexedDB.databases().then((d) => d.some((x) => x.name === 'ncs-self-assessment'))
  );
  const put = (store: string, rows: unknown[]) =>
    page.evaluate(
      ({ store, rows }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ncs-self-assessment');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(store, 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { store, rows }
    );
  await put('questionnaires', records.questionnaires);
  for (let i = 0; i < records.assessments.length; i += 250) {
    await put('assessments', records.assessments.slice(i, i + 250));
    await put('answers', records.answers.slice(i, i + 250));
    if (records.summaries.length) await put('summaries', records.summaries.slice(i, i + 250));
  }
}

/**
 * Runs `action`, recording a CPU profile of the page's main thread into PROFILE_DIR when set
 * (open it in Chromium's DevTools, Performance panel).
 */
export async function profiled<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return action();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    return await action();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

/** The run with the median ratio, and the ratios of all runs for the note. */
export function medianRun<T extends { ratio: number }>(runs: T[]): { run: T; spread: string } {
  const sorted = [...runs].sort((a, b) => a.ratio - b.ratio);
  const run = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { run, spread: runs.map((r) => `${round(r.ratio, 2)}`).join(', ') };
}

/**
 * The app's notices. Waiting on them by CSS, not by text over the whole page: Playwright's text
 * search polls every element on the page's main thread, which added about half a second to
 * the timed restore (seen in its profile) that the baseline did not pay.
 */
export const NOTICE = '.notices .notice';

/** Long tasks of the page, recorded from the start of every document. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

export const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { longTasks?: number[] }).longTasks ?? []);

/**
 * The baseline of the answer rows: `n` raw keyed updates of one record (read it, change one
 * answer, write it back, in one read-write transaction, as Dexie's keyed update does), timed in
 * the page with plain IndexedDB. `store` is the object store, `id` the record's key.
 */
export async function rawKeyedUpdates(
  page: Page,
  store: 'answers' | 'groupAnswers',
  id: string,
  n = 60
): Promise<number[]> {
  return page.evaluate(
    async ({ n, id, store }) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('ncs-self-assessment');
        r.onsuccess = () => resolve(r.result);
      });
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await new Promise<void>((resolve) => {
          const tx = db.transaction(store, 'readwrite');
          const records = tx.objectStore(store);
          const get = records.get(id);
          get.onsuccess = () => {
            const rec = get.result as { answers: Record<string, unknown> };
            rec.answers[`bench/q/a${i % 7}`] = { state: 'level', level: 1 + (i % 5) };
            records.put(rec);
          };
          tx.oncomplete = () => resolve();
        });
        times.push(performance.now() - t0);
      }
      db.close();
      return times;
    },
    { n, id, store }
  );
}
