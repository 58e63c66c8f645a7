import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanSvelte, svelteFiles } from './scan';

// docs/languages.md, "The scan": every word a person reads comes from a message.

/**
 * Components whose words are not messages yet. Converting a file means moving its words into
 * messages/<area>/en.json and fr.json and removing it from this list; the test fails while a
 * listed file still holds words, so the list can only shrink. Empty means done.
 */
const NOT_YET_CONVERTED: string[] = [];

/**
 * Words that stay as they are in every language. Keep it short, with the reason for each.
 */
const ALLOWED: { file: string; text: string; reason: string }[] = [
  {
    file: 'src/lib/components/LanguageSwitch.svelte',
    text: 'English',
    reason: 'each language is named in its own words, whatever the interface language'
  },
  {
    file: 'src/lib/components/LanguageSwitch.svelte',
    text: 'Français',
    reason: 'each language is named in its own words, whatever the interface language'
  },
  {
    file: 'src/routes/data/+page.svelte',
    text: 'level',
    reason: 'a CSV column name: files keep English column names in every language'
  },
  {
    file: 'src/lib/components/data/QuestionnaireImport.svelte',
    text: 'npm run validate',
    reason: 'a command, typed as it is whatever the interface language'
  }
];

const files = svelteFiles('src');

function findings(file: string) {
  return scanSvelte(readFileSync(file, 'utf8')).filter(
    (f) => !ALLOWED.some((a) => a.file === file && a.text === f.text)
  );
}

describe('words on screen come from messages', () => {
  for (const file of files.filter((f) => !NOT_YET_CONVERTED.includes(f))) {
    it(file, () => {
      expect(findings(file).map((f) => `line ${f.line} (${f.where}): ${f.text}`)).toEqual([]);
    });
  }

  it('every file listed as not yet converted exists and still holds words (else remove it)', () => {
    const stale = NOT_YET_CONVERTED.filter((f) => !files.includes(f) || findings(f).length === 0);
    expect(stale).toEqual([]);
  });

  it('every allowed word is still where the list says', () => {
    const stale = ALLOWED.filter(
      (a) =>
        !files.includes(a.file) ||
        !scanSvelte(readFileSync(a.file, 'utf8')).some((f) => f.text === a.text)
    );
    expect(stale).toEqual([]);
  });
});

describe('scanSvelte', () => {
  it('finds words in text, read attributes, label props, shown expressions and script', () => {
    const source = [
      '<script lang="ts">',
      "  const status = 'All changes saved';",
      "  const links = [{ label: 'data', href: '/data' }];",
      "  let key = $state('');",
      "  if (key === 'Enter') key = '';",
      '</script>',
      '<h1>Assessments</h1>',
      '<button type="button" aria-label="Close the dialog">×</button>',
      '<input placeholder="Search" class="wide" />',
      '<Dialog confirmLabel="Delete" />',
      "<p>{saved ? 'Saved' : status}</p>",
      "<p title={busy ? 'Working…' : ''}>{format(day, 'long')}</p>"
    ].join('\n');
    expect(scanSvelte(source).map((f) => [f.line, f.where, f.text])).toEqual([
      [2, 'script', 'All changes saved'],
      [3, 'script', 'data'],
      [7, 'text', 'Assessments'],
      [8, 'attribute', 'Close the dialog'],
      [9, 'attribute', 'Search'],
      [10, 'attribute', 'Delete'],
      [11, 'expression', 'Saved'],
      [12, 'attribute', 'Working…']
    ]);
  });

  it('passes messages, symbols, numbers, acronyms, classes, paths and comments', () => {
    const source = [
      '<script lang="ts">',
      "  import { m } from '$lib/paraglide/messages.js';",
      "  const cls = 'wide';",
      '</script>',
      '<!-- Why this is here -->',
      '<h1 class="title big">{m.common_nav_data()}</h1>',
      '<span class="badge tlp-{level}">TLP:{level}</span> · 72.5 — (CSV) <b>{n}%</b>',
      '<a href="/assessments/new" data-testid="new-assessment">{m.common_nav_assessments()}</a>',
      '<div style:height="{h}px"></div>',
      '<style>p { color: red; }</style>'
    ].join('\n');
    expect(scanSvelte(source)).toEqual([]);
  });
});
