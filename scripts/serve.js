// npm start: serves the built app (build/) through sirv, a maintained static file server, so a
// malformed or hostile request gets a 4xx and the server keeps serving. Read from the
// environment: BUILD_DIR (default build), BASE_PATH (the sub-path the build was made for),
// HOST (default 127.0.0.1; 0.0.0.0 serves a workshop network) and PORT (default 4173; 0 picks
// a free one). Prints one line that ends with the URL.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

const dir = resolve(process.env.BUILD_DIR ?? 'build');
const base = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4173);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0 to 65535), not "${process.env.PORT}".`);
  process.exit(1);
}
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`There is no built app in ${dir}: run "npm run build" first (or "npm start").`);
  process.exit(1);
}

// Hashed files never change: cache them for a year. Everything else (index.html, the service
// worker, the manifest, the questionnaire JSON) is revalidated, so a new version is found.
function setHeaders(res, pathname) {
  res.setHeader(
    'Cache-Control',
    pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

// `dev: true` looks each file up when it is asked for instead of listing build/ once at start:
// a build copied over the running one (a new deployment) is served at once, with fresh ETags.
const serve = sirv(dir, { dev: true, etag: true, setHeaders });

function notFound(_req, res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

const server = createServer((req, res) => {
  if (base) {
    const url = req.url ?? '/';
    const path = url.split('?', 1)[0];
    if (path === base) {
      res.writeHead(301, { Location: `${base}/${url.slice(path.length)}` }).end();
      return;
    }
    if (!path.startsWith(`${base}/`)) {
      notFound(req, res);
      return;
    }
    req.url = url.slice(base.length);
  }
  serve(req, res, () => notFound(req, res));
});

server.on('error', (error) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? `port ${port} is in use: set PORT to another port`
      : error.code === 'EADDRNOTAVAIL'
        ? `${host} is not an address of this machine: set HOST to one that is`
        : error.message;
  console.error(`Cannot serve the app: ${reason}.`);
  process.exit(1);
});

/** The address others on the network reach this machine by, for HOST=0.0.0.0. */
function networkAddress() {
  const all = Object.values(networkInterfaces()).flat();
  return all.find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? 'localhost';
}

server.listen(port, host, () => {
  const { port: bound } = server.address();
  const everywhere = host === '0.0.0.0' || host === '::';
  const shown = everywhere ? networkAddress() : host.includes(':') ? `[${host}]` : host;
  const where = everywhere ? ' to the network' : '';
  console.log(
    `Serving NCS Self-Assessment${where} (Ctrl+C stops it): http://${shown}:${bound}${base}/`
  );
});
