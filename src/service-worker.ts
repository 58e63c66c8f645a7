/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use (docs/architecture.md): precaches the app shell, every built chunk, the questionnaire assets
 * and the fonts, then answers from the cache first. With the hash router every screen is the one
 * index.html, so any deep link reloads offline. A new version waits until the page asks it to
 * take over (the "reload to update" prompt), so nobody loses what they are typing.
 */
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `ncs-${version}`;
const PAGE = `${base}/`;
const PRECACHE = [PAGE, ...build, ...files];
const HASHED = `${base}/_app/immutable/`;

/**
 * Fetches one file for the precache past the browser's HTTP cache. A host that lets browsers
 * keep index.html (`max-age`, or only a `Last-Modified`) would otherwise hand this version the
 * previous page, whose chunks the next clean-up deletes: a blank app, online and offline.
 * Hashed files only revalidate (their content never changes under one name); the rest reload.
 */
async function fetchFresh(path: string): Promise<Response> {
  const response = await fetch(
    new Request(path, { cache: path.startsWith(HASHED) ? 'no-cache' : 'reload' })
  );
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
}

/**
 * True when the page loads only this build's files. A cache in front of the host can still
 * hand out the previous page; then the install fails and the current version stays.
 */
async function isThisBuildsPage(page: Response): Promise<boolean> {
  const ours = new Set(build);
  const text = await page.clone().text();
  const loads = text
    .split(HASHED)
    .slice(1)
    .map((rest) => HASHED + /^[^"'`\s)]*/.exec(rest)![0]);
  return loads.length > 0 && loads.every((path) => ours.has(path));
}

async function precache(): Promise<void> {
  // Everything is fetched and checked before anything is written, so a refused install leaves
  // no half-filled cache behind.
  const responses = await Promise.all(PRECACHE.map(fetchFresh));
  if (!(await isThisBuildsPage(responses[0]!))) {
    throw new Error(`${PAGE} is not the page of version ${version}: keeping the current version`);
  }
  const cache = await caches.open(CACHE);
  await Promise.all(PRECACHE.map((path, i) => cache.put(path, responses[i]!)));
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim())
  );
});

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // index.html under any name: the hash router only ever needs the base page.
      const key =
        url.pathname === PAGE || url.pathname === `${base}/index.html` ? PAGE : url.pathname;
      const cached = await cache.match(key);
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch {
        return (await cache.match(PAGE)) ?? Response.error();
      }
    })()
  );
});
