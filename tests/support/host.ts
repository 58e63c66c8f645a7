/**
 * A web host for deployment tests: serves a copy of the build through sirv (as `npm start`
 * does) with cache headers the test chooses, and "deploys" a new version into that copy.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

export interface Host {
  origin: string;
  /** The folder the host serves: a copy of the build, free to change. */
  dir: string;
  close(): Promise<void>;
}

export interface HostOptions {
  /** Cache-Control of index.html; hashed files are immutable, the rest revalidated. */
  page?: string;
  /** Further headers sent with every file. */
  headers?: Record<string, string>;
}

/** Serves a fresh copy of `build` on a free port, with cache headers as scripts/serve.js. */
export async function startHost(
  build: string,
  { page = 'no-cache', headers = {} }: HostOptions = {}
): Promise<Host> {
  const dir = mkdtempSync(join(tmpdir(), 'ncs-host-'));
  cpSync(build, dir, { recursive: true });
  const serve = sirv(dir, {
    dev: true,
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        pathname === '/' || pathname === '/index.html'
          ? page
          : pathname.startsWith('/_app/immutable/')
            ? 'public, max-age=31536000, immutable'
            : 'no-cache'
      );
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
  });
  const server = createServer((req, res) =>
    serve(req, res, () => {
      res.writeHead(404).end('Not found');
    })
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    dir,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      })
  };
}

/**
 * Turns the served copy into the next build, as a real deployment would: a new version (so a
 * new cache name in the service worker), entry chunks with new names that the page and the
 * service worker point at, and the old names gone.
 * `keepPage` leaves the previous index.html (and the chunks it loads) in place, as a cache in
 * front of the host that still hands out the old page would.
 */
export function deployNextBuild(dir: string, { keepPage = false } = {}): void {
  const versionFile = join(dir, '_app/version.json');
  const { version } = JSON.parse(readFileSync(versionFile, 'utf8')) as { version: string };
  const next = `${version}n`;
  writeFileSync(versionFile, JSON.stringify({ version: next }));
  const entry = join(dir, '_app/immutable/entry');
  const renamed = readdirSync(entry).map((name): [string, string] => [
    name,
    name.replace(/\.js$/, 'n.js')
  ]);
  for (const [from, to] of renamed) {
    if (keepPage) cpSync(join(entry, from), join(entry, to));
    else renameSync(join(entry, from), join(entry, to));
  }
  for (const file of keepPage ? ['service-worker.js'] : ['index.html', 'service-worker.js']) {
    let text = readFileSync(join(dir, file), 'utf8');
    const scripts = inlineScripts(text);
    for (const [from, to] of renamed) text = text.replaceAll(`/entry/${from}`, `/entry/${to}`);
    // The boot script names the entry chunks, so its hash in the CSP changes with them.
    inlineScripts(text).forEach((script, i) => {
      text = text.replace(sha256(scripts[i]!), sha256(script));
    });
    if (file === 'service-worker.js') {
      if (!text.includes(version)) throw new Error(`service-worker.js does not name ${version}`);
      text = text.replaceAll(version, next);
    }
    writeFileSync(join(dir, file), text);
  }
}
