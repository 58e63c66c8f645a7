import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setFormatLocale } from '$lib/format/locale';
import { parseQuestionnaireText } from '$lib/io/questionnaire-file';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { buildBrief } from '../brief';
import { answersFor, briefInput, fiveQuestionnaireAssessment } from '../brief-fixtures';
import { buildCountryReport } from '../country-report';
import type { ReportDocument } from '../document/model';
import { renderWord } from './render';

const dir = join(process.cwd(), 'questionnaires');
const five: Questionnaire[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const parsed = parseQuestionnaireText(file, readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    return parsed.questionnaire;
  });
const out = mkdtempSync(join(tmpdir(), 'word-'));

afterEach(() => {
  overwriteGetLocale(() => 'en');
  setFormatLocale('en');
});

/** Saves the Word file and reads its parts back: the body XML, headers, footers, core properties. */
async function saved(doc: ReportDocument, name: string) {
  const blob = await renderWord(doc, () => {});
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const file = join(out, `${name}.docx`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  const part = (path: string) => execFileSync('unzip', ['-p', file, path], { encoding: 'utf8' });
  const entries = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n');
  return {
    file,
    body: part('word/document.xml'),
    headers: entries.filter((e) => /^word\/header\d*\.xml$/.test(e)).map(part),
    footers: entries.filter((e) => /^word\/footer\d*\.xml$/.test(e)).map(part),
    core: part('docProps/core.xml'),
    styles: part('word/styles.xml')
  };
}

/** Converts with LibreOffice, as a ministry without Word would open it, and reads the text. */
function throughLibreOffice(file: string): { text: string; pages: number } {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      file
    ],
    { stdio: 'pipe', timeout: 120_000 }
  );
  const pdf = file.replace(/\.docx$/, '.pdf');
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
}

/** The visible text of WordprocessingML, runs joined. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('');

describe('Word files', () => {
  it('writes the brief with headings, header rows, a shaded ladder table, the language and the classification everywhere; LibreOffice opens it', async () => {
    const a = fiveQuestionnaireAssessment(five, {
      title: 'Revue “nationale” — Łódź, Tūvalu, Ελλάδα, Україна'
    });
    const input = briefInput(five, answersFor(five), a);
    const doc = buildBrief({ ...input, madeOn: '2026-12-06' });
    const word = await saved(doc, 'brief');
    // Real headings, not bold paragraphs.
    expect(word.body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(word.body).toContain('<w:pStyle w:val="Heading2"/>');
    // Tables say which row is their header (repeated on each page, read as headers).
    expect(word.body).toContain('<w:tblHeader/>');
    // The ladder: the stage reached shaded dark, with words that say so.
    expect(word.body).toContain('w:fill="1F497D"');
    expect(textOf(word.body)).toContain('we are here');
    expect(textOf(word.body)).toContain('we aim here');
    expect(textOf(word.body)).toContain('Revue “nationale” — Łódź, Tūvalu, Ελλάδα, Україна');
    // Keep-with-next on headings.
    expect(word.body).toContain('<w:keepNext/>');
    // Classification in every header and footer; a draft says so in every header.
    expect(word.headers.length).toBeGreaterThan(0);
    for (const h of word.headers) {
      expect(textOf(h)).toContain('TLP:AMBER');
      expect(textOf(h)).toContain('DRAFT — not for citation');
    }
    for (const f of word.footers) expect(textOf(f)).toContain('TLP:AMBER');
    // Language and metadata: title and subject; nobody's name.
    expect(word.styles).toContain('<w:lang w:val="en-GB"/>');
    expect(word.core).toContain('<dc:title>Fiji — executive brief: Revue');
    expect(word.core).toContain('<dc:subject>Executive brief</dc:subject>');
    expect(word.core).not.toContain('Un-named');

    const { text, pages } = throughLibreOffice(word.file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Fiji — executive brief');
    expect(flat).toContain('Where we are and where we aim');
    expect(flat).toContain('Revue “nationale” — Łódź, Tūvalu, Ελλάδα, Україна');
    const shown = (Math.round(input.result.score! * 1000) / 10).toFixed(1);
    expect(flat).toContain(`Score ${shown} of 100`);
    expect(pages).toBeLessThanOrEqual(2);
    for (const page of text.split('\f').filter((p) => p.trim())) {
      expect(page).toContain('TLP:AMBER');
    }
  }, 180_000);

  it('writes a French assessment’s full report in French, the interface in English, with the language set and no question id before the appendix', async () => {
    const answers = answersFor(five);
    const a = fiveQuestionnaireAssessment(five, {
      status: 'final',
      classification: 'GREEN',
      language: 'fr'
    });
    const doc = buildCountryReport({
      assessment: a,
      questionnaires: five,
      answers,
      result: scoreAssessment({ questionnaires: five, answers }),
      includeAppendix: false,
      madeOn: '2026-12-06'
    });
    const word = await saved(doc, 'report-fr');
    expect(word.styles).toContain('<w:lang w:val="fr-FR"/>');
    for (const h of word.headers) {
      expect(textOf(h)).toContain('TLP:GREEN');
      expect(textOf(h)).not.toContain('BROUILLON');
    }
    expect(word.body).toContain('<w:tblHeader/>');
    const { text } = throughLibreOffice(word.file);
    expect(text).toContain('Synthèse');
  }, 180_000);
});
