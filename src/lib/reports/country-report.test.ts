import { describe, expect, it } from 'vitest';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { buildCountryReport, type CountryReportInput } from './country-report';
import { checkDocument } from './document/coverage';
import { documentTexts, type Block, type Cell, type ReportDocument } from './document/model';
import { countryReportFileName } from './file-names';

// Two sections of one questionnaire on the 1–5 scale, default target 3.
const q = makeQuestionnaire('q', [
  { id: 's1', questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
  { id: 's2', questions: [{ id: 'd' }, { id: 'e', type: 'binary' }] }
]);

const answers: AnswerMap = {
  'q/a': { state: 'level', level: 3, comment: 'Partners: “Côte d’Ivoire”, Łódź — ok' },
  'q/b': { state: 'level', level: 2, evidence: 'Act 12 of 2021' },
  'q/c': { state: 'level', level: 5 },
  'q/d': { state: 'unknown' },
  'q/e': { state: 'level', level: 'no', regional: 'EAC framework' }
};

function input(
  overrides: Partial<CountryReportInput> = {},
  a?: Partial<Assessment>
): CountryReportInput {
  const assessment = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }], ...a });
  return {
    assessment,
    questionnaires: [q],
    answers,
    result: scoreAssessment({ questionnaires: [q], answers }),
    includeAppendix: true,
    madeOn: '2026-11-28',
    ...overrides
  };
}

const cellText = (c: Cell) => (typeof c === 'string' ? c : c.text);

function tables(doc: ReportDocument): Extract<Block, { kind: 'table' }>[] {
  return doc.blocks.filter((b) => b.kind === 'table');
}

function tableWithHeader(doc: ReportDocument, header: string) {
  const table = tables(doc).find((t) => t.columns[0]?.header === header);
  expect(table, `a table whose first column is "${header}"`).toBeDefined();
  return table!;
}

function headings(doc: ReportDocument): string[] {
  return doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
}

describe('country report', () => {
  it('prints the scores rounded as on screen, worked out by hand', () => {
    const doc = buildCountryReport(input());
    const summary = tableWithHeader(doc, 'Scope');
    // s1: (0.5 + 0.25 + 1) / 3 = 0.583… → 58.3; s2: binary "no" = 0 → 0.0 (d is unknown).
    // Questionnaire: (58.33 + 0) / 2 = 29.17 → 29.2; overall = the one questionnaire.
    // Coverage 80% is not provisional, so no mark.
    const [overall, questionnaire] = summary.rows.map((r) => r.cells.map(cellText));
    expect(overall?.slice(0, 2)).toEqual(['Overall', '29.2']);
    expect(questionnaire?.slice(0, 2)).toEqual(['Questionnaire q', '29.2']);
    // Each scope says what it rests on: 4 scored of the 5 that could count.
    const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain(
      'Overall — Based on 4 of 5 questions. Questionnaire q — Based on 4 of 5 questions.'
    );
    // Completion 5 of 5 ("don't know" is an answer); coverage 4 of 5.
    expect(overall?.slice(4, 6)).toEqual(['100.0%', '80.0%']);
    const sections = tableWithHeader(doc, 'Section');
    // s2 has a level for 1 of its 2 questions: coverage 50% < 70%, provisional.
    expect(sections.rows.map((r) => cellText(r.cells[1]!))).toEqual(['58.3', '0.0 (prov.)']);
  });

  it('marks provisional scores as the screen does', () => {
    const sparse: AnswerMap = { 'q/a': { state: 'level', level: 3 } };
    const doc = buildCountryReport(
      input({ answers: sparse, result: scoreAssessment({ questionnaires: [q], answers: sparse }) })
    );
    // 1 of 5 scorable questions has a level: coverage 20% < 70%.
    expect(cellText(tableWithHeader(doc, 'Scope').rows[0]!.cells[1]!)).toBe('50.0 (prov.)');
    // ... so no stage is claimed: the stage column says why (rule 6 as amended).
    for (const row of tableWithHeader(doc, 'Scope').rows) {
      expect(cellText(row.cells[3]!)).toBe('not enough answers yet (1 of 5)');
    }
    expect(tableWithHeader(doc, 'Section').rows.map((r) => cellText(r.cells[4]!))).toEqual([
      'not enough answers yet (1 of 3)',
      '—'
    ]);
  });

  it('lists the gaps in the priority order of the scoring', () => {
    const doc = buildCountryReport(input());
    const gapTable = tables(doc).find((t) => t.columns[5]?.header === 'Next step');
    // Below target 3: b (level 2, gap 1/4 = 0.25) and e ("no", normalised gap 1): e first.
    expect(gapTable?.rows.map((r) => cellText(r.cells[1]!).split('\n')[0])).toEqual([
      'Binary e?',
      'Maturity b?'
    ]);
    expect(gapTable?.rows.map((r) => cellText(r.cells[5]!))).toEqual([
      'Start e.',
      'Raise b from 2'
    ]);
  });

  it('puts answers, evidence and comments in the appendix only, and leaves it out on request', () => {
    const comment = 'Partners: “Côte d’Ivoire”, Łódź — ok';
    const texts = (doc: ReportDocument) => documentTexts(doc).map((t) => t.text);
    const full = buildCountryReport(input());
    expect(headings(full)).toContain('Appendix: every answer');
    expect(texts(full)).toContain(comment);
    expect(texts(full)).toContain('Act 12 of 2021');
    expect(texts(full)).toContain('Regional arrangement: EAC framework');

    const travelling = buildCountryReport(input({ includeAppendix: false }));
    expect(headings(travelling)).not.toContain('Appendix: every answer');
    expect(texts(travelling).join('\n')).not.toContain('Łódź');
    expect(texts(travelling).join('\n')).not.toContain('Act 12 of 2021');
  });

  it('has every part the issue asks for, the method last', () => {
    const h = headings(buildCountryReport(input()));
    expect(h).toEqual(
      expect.arrayContaining([
        'Narrative',
        'Executive summary',
        'Summary',
        'The ten highest-priority gaps',
        'Where we are and where we aim',
        'Questionnaire q',
        'Gaps and recommendations'
      ])
    );
    expect(h.at(-1)).toBe('How the scores are calculated');
  });

  it('prints the title as the bold header of the cover table, and the classification', () => {
    const doc = buildCountryReport(input({}, { title: 'Łódź — Ελλάδα', classification: 'RED' }));
    expect(tables(doc)[0]?.title).toBe('Łódź — Ελλάδα');
    expect(doc.decor.classification).toBe('TLP:RED');
  });

  it('watermarks drafts and says who validated', () => {
    expect(buildCountryReport(input()).decor).toMatchObject({
      watermark: 'DRAFT — not for citation',
      footer: 'Self-assessment — not independently validated'
    });
    const validated = buildCountryReport(
      input(
        {},
        {
          status: 'final',
          provenance: {
            mode: 'validated',
            participants: [],
            facilitator: '',
            validatedBy: 'Regional CERT',
            validatedOn: '2026-10-01'
          }
        }
      )
    );
    expect(validated.decor).toMatchObject({
      watermark: null,
      footer: 'Validated by Regional CERT on October 1, 2026'
    });
  });

  it('has only printable text when the answers are printable', () => {
    expect(checkDocument(buildCountryReport(input()))).toEqual([]);
  });

  it('names the file after country, date, kind and classification', () => {
    expect(countryReportFileName(makeAssessment({ country: 'CI', date: '2026-11-28' }))).toBe(
      'Cote-d-Ivoire_2026-11-28_country-report_AMBER.pdf'
    );
  });
});
