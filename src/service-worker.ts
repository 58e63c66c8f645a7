/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use (DESIGN §7): precaches the app shell, every built chunk, the questionnaire assets
 * and the fonts, then answers from the cache first. With the hash router every screen is the one
 * index.html, so any deep link reloads offline. A new version waits until the page asks it to
 * take over (the "reload to update" prompt), so nobody loses what they are typing.
 */
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `ncs-${version}`;
const PRECACHE = [`${base}/`, ...build, ...files];

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
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
        url.pathname === `${base}/` || url.pathname === `${base}/index.html`
          ? `${base}/`
          : url.pathname;
      const cached = await cache.match(key);
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch {
        return (await cache.match(`${base}/`)) ?? Response.error();
      }
    })()
  );
});
