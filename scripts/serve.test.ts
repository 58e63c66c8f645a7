/**
 * npm start's server (scripts/serve.js), run as its own process the way a user starts it, on a
 * free port and against a small site in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET whose path goes out byte for byte as written (fetch would normalise it first). */
function get(origin: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts the server and resolves with the URL its one line ends with. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/serve.js'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(http:\/\/\S+)\n/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => reject(new Error(`serve.js exited with ${code}: ${err}`)));
  });
}

let root: string;
let site: string;
const servers: ChildProcess[] = [];

beforeAll(() => {
  // The site sits one level down, beside a file a traversal would try to reach.
  root = mkdtempSync(join(tmpdir(), 'ncs-serve-'));
  site = join(root, 'site');
  mkdirSync(join(site, '_app/immutable'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>NCS</title>');
  writeFileSync(join(site, '_app/immutable/entry.abc123.js'), 'export {};');
  writeFileSync(join(site, 'service-worker.js'), 'self;');
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
});

afterAll(() => {
  for (const child of servers) child.kill();
  rmSync(root, { recursive: true, force: true });
});

async function serving(env: Record<string, string> = {}) {
  const started = await start({ BUILD_DIR: site, ...env });
  servers.push(started.child);
  return started.url.replace(/\/$/, '');
}

describe('npm start serves the build', () => {
  it('answers a malformed URL and an encoded traversal with 4xx, and keeps serving', async () => {
    const origin = await serving();
    const malformed = await get(origin, '/%E0%A4%A');
    const traversal = await get(origin, '/..%2F..%2Fetc%2Fpasswd');
    const normal = await get(origin, '/');
    expect([malformed.status, traversal.status, normal.status]).toEqual([404, 404, 200]);
    expect(normal.body).toContain('<title>NCS</title>');

    for (const path of ['/..%2Fsecret.txt', '/../secret.txt', '/%2e%2e/secret.txt']) {
      const answer = await get(origin, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.body, path).not.toContain('outside the site');
    }
    expect((await get(origin, '/')).status).toBe(200);
  });

  it('caches hashed files for a year and revalidates everything else', async () => {
    const origin = await serving();
    const hashed = await get(origin, '/_app/immutable/entry.abc123.js');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/service-worker.js']) {
      const answer = await get(origin, path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      expect(answer.headers.etag, path).toBeTruthy();
    }
  });

  it('serves a sub-path build under BASE_PATH only, and prints that URL', async () => {
    const origin = await serving({ BASE_PATH: '/ministry/ncs' });
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ministry\/ncs$/);
    const host = origin.replace('/ministry/ncs', '');
    expect((await get(host, '/ministry/ncs/')).status).toBe(200);
    const bare = await get(host, '/ministry/ncs');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/ministry/ncs/');
    expect((await get(host, '/')).status).toBe(404);
    expect((await get(host, '/ministry/ncs/..%2F..%2Fsecret.txt')).status).toBe(404);
  });

  it('refuses to start without a build, saying what to run', async () => {
    await expect(start({ BUILD_DIR: join(root, 'missing') })).rejects.toThrow(
      /no built app in .*missing: run "npm run build"/
    );
  });
});
