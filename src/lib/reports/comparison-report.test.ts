import { afterEach, describe, expect, it } from 'vitest';
import { setFormatLocale } from '$lib/format/locale';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { CachedQuestionnaire } from '$lib/domain/assessment/summary';
import { compareAssessments, type ComparisonItem } from '$lib/domain/comparison/compare';
import { buildComparisonReport, type ComparisonReportInput } from './comparison-report';
import { documentTexts, type Block, type Cell } from './document/model';

function cq(id: string, score: number, provisional = false): CachedQuestionnaire {
  return {
    id,
    version: '1.0.0',
    score,
    targetScore: score,
    stage: null,
    completion: 1,
    coverage: provisional ? 0.5 : 1,
    provisional
  };
}

function item(
  id: string,
  country: string,
  scores: [number, number, number],
  extra: Partial<ComparisonItem> = {}
): ComparisonItem {
  return {
    id,
    country,
    date: '2026-05-01',
    title: `${country} 2026`,
    classification: 'AMBER',
    questionnaires: [cq('a', scores[0]), cq('b', scores[1]), cq('c', scores[2], country === 'FJ')],
    ...extra
  };
}

// Ghana, Kenya and Nigeria are three African countries: Africa's figures show. Fiji is alone in
// the Pacific: hidden. Fiji's third score is provisional, so its overall is unranked.
const items = [
  item('gh', 'GH', [0.5, 0.6, 0.7]),
  item('ke', 'KE', [0.25, 0.5, 0.75], { classification: 'RED' }),
  item('ng', 'NG', [0.8, 0.8, 0.8]),
  item('fj', 'FJ', [0.1, 0.2, 0.3])
];

function input(extra: Partial<ComparisonReportInput> = {}): ComparisonReportInput {
  return {
    comparison: compareAssessments(items),
    order: ['ng', 'gh', 'ke', 'fj'],
    showRanks: false,
    titles: { a: 'Alpha', b: 'Beta', c: 'Gamma' },
    radarIds: ['gh', 'ke'],
    criteria: ['Region: all'],
    drafts: 0,
    validated: 0,
    madeOn: '2026-11-28',
    ...extra
  };
}

function tables(blocks: Block[]) {
  return blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
}

const text = (cell: Cell) => (typeof cell === 'string' ? cell : cell.text);

describe('buildComparisonReport', () => {
  it('carries the most restrictive classification on every page', () => {
    const doc = buildComparisonReport(input());
    expect(doc.decor.classification).toBe('TLP:RED');
    expect(doc.decor.classificationColour).toBe('#ff2b2b');
    expect(doc.decor.watermark).toBeNull();
    expect(doc.decor.footer).toBe('Self-assessment — not independently validated');
  });

  it('says the figures are over the core set and lists who has none (rule 10)', () => {
    const core = [
      item('gh', 'GH', [0.5, 0.6, 0.7], { scope: 'core' }),
      item('ke', 'KE', [0.25, 0.5, 0.75], { core: [cq('a', 0.2), cq('b', 0.4), cq('c', 0.6)] }),
      item('ng', 'NG', [0.8, 0.8, 0.8])
    ];
    const doc = buildComparisonReport(
      input({ comparison: compareAssessments(core), order: ['gh', 'ke'] })
    );
    const facts = tables(doc.blocks)[0]!.rows.map((r) => r.cells.map(text));
    expect(facts.find((f) => f[0] === 'Basis')?.[1]).toBe(
      'Compared on the core set: every assessment is scored over the core questions only\n' +
        'Nigeria, NG 2026 (Alpha, Beta, Gamma): no core set in version 1.0.0, left out of this comparison.'
    );
    const plain = documentTexts(buildComparisonReport(input())).map((t) => t.text);
    expect(plain.some((t) => t.includes('core set'))).toBe(false);
  });

  it('marks a report that includes drafts', () => {
    expect(buildComparisonReport(input({ drafts: 1 })).decor.watermark).toBe(
      'DRAFT — not for citation'
    );
  });

  it('prints the heat map in the order shown, each score on its shade', () => {
    const doc = buildComparisonReport(input());
    const heat = tables(doc.blocks).find(
      (t) => t.columns.some((c) => c.header === 'Gamma') && t.columns[1]?.header === 'Date'
    )!;
    expect(heat.rows.map((r) => text(r.cells[0]!))).toEqual(['Nigeria', 'Ghana', 'Kenya', 'Fiji']);
    // Nigeria: 80.0 in every column and overall; Fiji: 30.0 provisional, overall 20.0 provisional.
    expect(heat.rows[0]!.cells.slice(2).map(text)).toEqual(['80.0', '80.0', '80.0', '80.0']);
    expect(heat.rows[3]!.cells.slice(2).map(text)).toEqual([
      '10.0',
      '20.0',
      '30.0 prov.',
      '20.0 prov.'
    ]);
    const cell = heat.rows[0]!.cells[2]!;
    expect(typeof cell === 'object' && cell.fill).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('prints ranks only when the screen shows them', () => {
    const plain = documentTexts(buildComparisonReport(input())).map((t) => t.text);
    expect(plain.filter((t) => /#\d/.test(t))).toEqual([]);
    const ranked = buildComparisonReport(input({ showRanks: true }));
    const heat = tables(ranked.blocks).find((t) => t.columns[1]?.header === 'Date')!;
    // Overall: Nigeria 80.0 → 1, Ghana 60.0 → 2, Kenya 50.0 → 3, Fiji provisional → none.
    expect(heat.rows.map((r) => text(r.cells.at(-1)!))).toEqual([
      '80.0 #1',
      '60.0 #2',
      '50.0 #3',
      '20.0 prov.'
    ]);
  });

  it('hides a region with fewer than three countries and says why', () => {
    const doc = buildComparisonReport(input());
    const overall = tables(doc.blocks).find((t) => t.title === 'Overall')!;
    const row = (region: string) =>
      overall.rows.find((r) => text(r.cells[0]!) === region)!.cells.map(text);
    // Africa: Ghana 0.6, Kenya 0.5, Nigeria 0.8 → mean 63.3, median 60.0, min 50.0, max 80.0.
    expect(row('Africa')).toEqual(['Africa', '3', '3', '63.3', '60.0', '50.0', '80.0']);
    expect(row('Pacific')).toEqual([
      'Pacific',
      '1',
      '0',
      'Hidden: only 1 country (at least 3 needed)'
    ]);
  });

  it('draws the radar of the picked assessments only, with its numbers', () => {
    const doc = buildComparisonReport(input());
    const chart = doc.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.data.series.map((s) => s.label)).toEqual([
      'Ghana 2026-05-01',
      'Kenya 2026-05-01'
    ]);
    const none = buildComparisonReport(input({ radarIds: [] }));
    expect(none.blocks.some((b) => b.kind === 'chart')).toBe(false);
  });

  it('names every text it prints, so unprintable ones can be reported by place', () => {
    const doc = buildComparisonReport(input());
    expect(documentTexts(doc).map((t) => t.text)).toContain('KE 2026');
  });
});

describe('buildComparisonReport in French', () => {
  function inLanguage(locale: 'en' | 'fr') {
    overwriteGetLocale(() => locale);
    setFormatLocale(locale);
  }
  afterEach(() => inLanguage(baseLocale));

  it('writes every heading, table header, footer and figure in French', () => {
    inLanguage('fr');
    const doc = buildComparisonReport(input({ drafts: 1, showRanks: true }));
    const headings = doc.blocks.flatMap((b) =>
      b.kind === 'heading' || b.kind === 'title' ? [b.text] : []
    );
    expect(headings).toEqual([
      'Comparaison de 4 évaluations',
      'Comment la comparaison est établie',
      'Évaluations incluses',
      'Carte thermique',
      'Radar superposé',
      'Chiffres par questionnaire',
      'Chiffres régionaux'
    ]);
    expect(doc.decor.watermark).toBe('BROUILLON — ne pas citer');
    expect(doc.decor.footer).toBe('Auto-évaluation — non validée par un tiers');
    expect(doc.subject).toBe(
      'Auto-évaluations nationales de cybersécurité — rapport de comparaison'
    );

    const heat = tables(doc.blocks).find((t) => t.columns[1]?.header === 'Date')!;
    expect(heat.columns.map((c) => c.header)).toEqual([
      'Pays',
      'Date',
      'Alpha',
      'Beta',
      'Gamma',
      'Global'
    ]);
    // Decimal commas; Kenya and Nigeria keep their names, Fiji is "Fidji".
    expect(heat.rows.map((r) => text(r.cells[0]!))).toEqual(['Nigeria', 'Ghana', 'Kenya', 'Fidji']);
    expect(heat.rows[0]!.cells.slice(2).map(text)).toEqual([
      '80,0 #1',
      '80,0 #1',
      '80,0 #1',
      '80,0 #1'
    ]);
    expect(text(heat.rows[3]!.cells.at(-1)!)).toBe('20,0 prov.');

    const overall = tables(doc.blocks).find((t) => t.title === 'Global')!;
    expect(overall.columns.map((c) => c.header)).toEqual([
      'Région',
      'N',
      'Pris en compte',
      'Moyenne',
      'Médiane',
      'Minimum',
      'Maximum'
    ]);
    const africa = overall.rows.find((r) => text(r.cells[0]!) === 'Afrique')!;
    expect(africa.cells.map(text)).toEqual(['Afrique', '3', '3', '63,3', '60,0', '50,0', '80,0']);
    const pacific = overall.rows.find((r) => text(r.cells[0]!) === 'Pacifique')!;
    expect(text(pacific.cells[3]!)).toBe('Masqué\u00a0: seulement 1 pays (au moins 3 requis)');

    // The facts table: the day in words, the drafts counted with the right agreement.
    const facts = tables(doc.blocks)[0]!.rows.map((r) => r.cells.map(text));
    expect(facts).toContainEqual(['Rapport établi le', '28 novembre 2026']);
    expect(facts).toContainEqual([
      'Statut',
      '1 des 4 évaluations incluses est un brouillon — ne pas citer'
    ]);
    expect(facts).toContainEqual(['Dates', '1 mai 2026']);
  });

  it('writes a whole English report when the language is English', () => {
    inLanguage('en');
    const texts = documentTexts(buildComparisonReport(input())).map((t) => t.text);
    expect(texts).toContain('Comparison of 4 assessments');
    expect(texts.some((t) => /[éè]/.test(t))).toBe(false);
  });
});
