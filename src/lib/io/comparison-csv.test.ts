import { describe, expect, it } from 'vitest';
import type { CachedQuestionnaire } from '../domain/assessment/summary';
import { compareAssessments, type ComparisonItem } from '../domain/comparison/compare';
import { comparisonCsvHeader, writeComparisonCsv } from './comparison-csv';
import { BOM, parseCsv } from './csv';

function cq(
  id: string,
  score: number | null,
  extra: Partial<CachedQuestionnaire> = {}
): CachedQuestionnaire {
  return {
    id,
    version: '1.0.0',
    score,
    targetScore: score,
    stage: null,
    completion: 1,
    coverage: 1,
    provisional: false,
    ...extra
  };
}

function item(
  id: string,
  country: string,
  questionnaires: CachedQuestionnaire[],
  extra: Partial<ComparisonItem> = {}
): ComparisonItem {
  return {
    id,
    country,
    date: '2026-03-01',
    title: `${country} self-assessment`,
    classification: 'AMBER',
    questionnaires,
    ...extra
  };
}

// Hand-worked: Kenya 0.5 and 0.75 → overall 0.625 (62.5); Ghana 0.5 and 0.8 → 0.65 (65.0);
// Fiji 0.1375 → 13.8 but provisional (coverage 0.5), so its overall 0.3 (30.0) is unranked.
const KE = item('ke', 'KE', [cq('p', 0.5), cq('s', 0.75)]);
const GH = item('gh', 'GH', [cq('p', 0.5), cq('s', 0.8, { version: '2.0.0' })]);
const FJ = item(
  'fj',
  'FJ',
  [cq('p', 0.1375, { coverage: 0.5, provisional: true }), cq('s', 0.4625)],
  {
    title: '=HYPERLINK("x")',
    classification: 'RED'
  }
);
const comparison = compareAssessments([KE, GH, FJ]);

function table(csv: string): string[][] {
  return parseCsv(csv, ',').records.map((r) => r.cells);
}

describe('writeComparisonCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const csv = writeComparisonCsv(comparison, { showRanks: false });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('names a column group per compared questionnaire, then the overall', () => {
    expect(comparisonCsvHeader(['p', 's'], false)).toEqual([
      'assessment_id',
      'country',
      'country_name',
      'region',
      'assessment_date',
      'assessment_title',
      'classification',
      'p_version',
      'p_score',
      'p_provisional',
      's_version',
      's_score',
      's_provisional',
      'overall_score',
      'overall_provisional',
      'basis'
    ]);
    expect(comparisonCsvHeader(['p'], true).slice(7)).toEqual([
      'p_version',
      'p_score',
      'p_provisional',
      'p_rank',
      'overall_score',
      'overall_provisional',
      'overall_rank',
      'basis'
    ]);
  });

  it('writes the rows in the order shown, with the numbers rounded once', () => {
    const rows = table(
      writeComparisonCsv(comparison, { order: ['gh', 'fj', 'ke'], showRanks: false })
    );
    expect(rows.map((r) => r[0])).toEqual(['assessment_id', 'gh', 'fj', 'ke']);
    expect(rows[1]).toEqual([
      'gh',
      'GH',
      'Ghana',
      'Africa',
      '2026-03-01',
      'GH self-assessment',
      'AMBER',
      '1.0.0',
      '50.0',
      'no',
      '2.0.0',
      '80.0',
      'no',
      '65.0',
      'no',
      'full'
    ]);
    // 0.1375 → 13.8 (rule 5: half away from zero despite binary noise); provisional marked.
    expect(rows[2]!.slice(7)).toEqual([
      '1.0.0',
      '13.8',
      'yes',
      '1.0.0',
      '46.3',
      'no',
      '30.0',
      'yes',
      'full'
    ]);
    expect(rows[3]!.slice(-3)).toEqual(['62.5', 'no', 'full']);
  });

  it('leaves out rows the screen does not show', () => {
    const rows = table(writeComparisonCsv(comparison, { order: ['ke'], showRanks: false }));
    expect(rows).toHaveLength(2);
  });

  it('adds dense ranks only on request; ties share a rank; provisional is unranked', () => {
    const rows = table(
      writeComparisonCsv(comparison, { order: ['ke', 'gh', 'fj'], showRanks: true })
    );
    const header = rows[0]!;
    const col = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)]);
    // p: Kenya and Ghana tie on 50.0 → 1, 1; Fiji provisional → no rank.
    expect(col('p_rank')).toEqual(['1', '1', '']);
    // s: 80.0 → 1, 75.0 → 2, 46.3 → 3.
    expect(col('s_rank')).toEqual(['2', '1', '3']);
    expect(col('overall_rank')).toEqual(['2', '1', '']);
  });

  it('neutralises text a spreadsheet would run', () => {
    const csv = writeComparisonCsv(comparison, { order: ['fj'], showRanks: false });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(table(csv)[1]![5]).toBe('=HYPERLINK("x")');
  });

  it('writes an empty score for a questionnaire with nothing scored', () => {
    const empty = item('mt', 'MT', [cq('p', null, { coverage: 0 }), cq('s', 0.5)]);
    const rows = table(writeComparisonCsv(compareAssessments([empty]), { showRanks: true }));
    expect(rows[1]!.slice(7)).toEqual([
      '1.0.0',
      '',
      'no',
      '',
      '1.0.0',
      '50.0',
      'no',
      '1',
      '50.0',
      'yes',
      '',
      'full'
    ]);
  });

  it('writes basis core on every row when a core assessment is selected (rule 10)', () => {
    // Kenya is full: its own 0.5 is replaced by its core figure 0.25; Ghana is core, 0.75.
    const kenya = item('ke', 'KE', [cq('p', 0.5)], { core: [cq('p', 0.25)] });
    const ghana = item('gh', 'GH', [cq('p', 0.75)], { scope: 'core' });
    const fiji = item('fj', 'FJ', [cq('p', 0.9, { version: '0.9.0' })]);
    const rows = table(
      writeComparisonCsv(compareAssessments([kenya, ghana, fiji]), { showRanks: false })
    );
    // Fiji pins a version without a core set: left out of the file as of the screen.
    expect(rows.map((r) => [r[0], r[8], r.at(-1)])).toEqual([
      ['assessment_id', 'p_score', 'basis'],
      ['ke', '25.0', 'core'],
      ['gh', '75.0', 'core']
    ]);
  });
});
