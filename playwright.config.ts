import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/support/browser';

const port = Number(process.env.E2E_PORT ?? 4173);

if (!existsSync('build/index.html') || !existsSync('build-subpath/index.html')) {
  throw new Error('The browser tests serve a build: run `npm run build:e2e` first.');
}

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS
    },
    trace: 'off'
  },
  webServer: {
    // Serves the build made by `npm run build:e2e` (npm test and npm run test:e2e make it first,
    // outside any time limit); a server left over from an earlier build is never reused.
    command: `PORT=${port} node scripts/serve.js`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe'
  }
});
