import { expect, test } from './support/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILD = process.env.BUILD_DIR ?? 'build';

// docs/performance.md: every JS response for the dashboard until network idle, first visit, gzip
// -9, in each interface language. A size, not a time: it does not depend on how busy the machine is.
for (const [locale, heading] of [
  ['en', 'Assessments'],
  ['fr', 'Évaluations']
] as const) {
  test(`the dashboard loads at most 100 KB of JavaScript (gzip -9) in ${locale}, without chart.js, jsPDF, the Word writer, the YAML parser or the questionnaire translations`, async ({
    page
  }) => {
    await page.addInitScript((l) => localStorage.setItem('ncs-locale', l), locale);
    const scripts = new Set<string>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    let total = 0;
    const texts: string[] = [];
    for (const path of scripts) {
      const body = readFileSync(join(BUILD, path));
      texts.push(body.toString('utf8'));
      total += gzipSync(body, { level: 9 }).length;
    }
    const kb = total / 1024;
    console.log(`first-load JS (${locale}): ${kb.toFixed(1)} KB gzip in ${scripts.size} scripts`);
    expect(kb).toBeLessThanOrEqual(100);
    // Markers that survive minification; each must be in some lazily loaded chunk of the build
    // (so the check can fail) and in none of the first-load scripts.
    const markers = {
      'chart.js': /RadialLinearScale|radialLinear/,
      jsPDF: /%PDF-/,
      'the Word writer (docx)': /wordprocessingml\.document\.main\+xml/,
      'the YAML parser': /Implicit map keys|Nested mappings are not allowed|YAMLParseError/,
      // A built-in translation overlay: each is a chunk of its own (docs/languages.md).
      'the questionnaire translations': /language:\s*["'`]fr["'`],\s*baseVersion:/
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
}

test('the service worker precaches jsPDF but none of its add-ons the app never uses', async ({
  page
}) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Markers that survive minification, one per library; jsPDF itself only names the add-ons.
  const markers = {
    jsPDF: '%PDF-',
    html2canvas: 'html2canvas-container',
    DOMPurify: 'ALLOWED_TAGS',
    canvg: 'preserveAspectRatio',
    'core-js': '__core-js_shared__'
  };
  const cached = await page.evaluate(async (needles) => {
    const files: { path: string; bytes: number; has: string[] }[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        const raw = await (await cache.match(request))!.arrayBuffer();
        const body = new TextDecoder().decode(raw);
        files.push({
          path: new URL(request.url).pathname,
          bytes: raw.byteLength,
          has: Object.entries(needles)
            .filter(([, needle]) => body.includes(needle))
            .map(([name]) => name)
        });
      }
    }
    return files;
  }, markers);
  const total = cached.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`precache: ${cached.length} files, ${(total / 1024).toFixed(1)} KB`);
  const holding = (name: string) => cached.filter((f) => f.has.includes(name)).map((f) => f.path);
  expect(holding('jsPDF'), 'jsPDF is precached').not.toEqual([]);
  for (const addOn of ['html2canvas', 'DOMPurify', 'canvg', 'core-js']) {
    expect(holding(addOn), `${addOn} is not precached`).toEqual([]);
  }
});
