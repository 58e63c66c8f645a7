import { expect, test } from './support/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILD = process.env.BUILD_DIR ?? 'build';

// DESIGN §8: every JS response for the dashboard until network idle, first visit, gzip -9.
// A size, not a time: it does not depend on how busy the machine is.
test('the dashboard loads at most 150 KB of JavaScript (gzip -9), without chart.js, jsPDF or the YAML parser', async ({
  page
}) => {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { name: 'Assessments', exact: true })).toBeVisible();
  let total = 0;
  const texts: string[] = [];
  for (const path of scripts) {
    const body = readFileSync(join(BUILD, path));
    texts.push(body.toString('utf8'));
    total += gzipSync(body, { level: 9 }).length;
  }
  const kb = total / 1024;
  console.log(`first-load JS: ${kb.toFixed(1)} KB gzip in ${scripts.size} scripts`);
  expect(kb).toBeLessThanOrEqual(150);
  // Markers that survive minification; each must be in some lazily loaded chunk of the build
  // (so the check can fail) and in none of the first-load scripts.
  const markers = {
    'chart.js': /RadialLinearScale|radialLinear/,
    jsPDF: /%PDF-/,
    'the YAML parser': /Implicit map keys|Nested mappings are not allowed|YAMLParseError/
  };
  const dir = join(BUILD, '_app/immutable/chunks');
  const chunks = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
  for (const [name, marker] of Object.entries(markers)) {
    expect(
      chunks.some((c) => marker.test(c)),
      `${name} is in the build`
    ).toBe(true);
    expect(
      texts.some((t) => marker.test(t)),
      `${name} is not in the first load`
    ).toBe(false);
  }
});
