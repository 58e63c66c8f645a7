import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '$lib/domain/assessment/model';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { buildCountryReport } from './country-report';
import { documentTexts, type Block, type Cell, type ReportDocument } from './document/model';

// Rule 11 and choice questions in the country report (PDF and Word share this plan).
const q = makeQuestionnaire('ext', [
  {
    id: 'response',
    questions: [
      {
        id: 'takedown',
        core: true,
        cap: { atMost: 2, unless: [{ question: 'oversight', atLeast: 3 }] }
      },
      { id: 'oversight', core: true },
      { id: 'treaty', type: 'choice', core: true }
    ]
  },
  { id: 'rest', questions: [{ id: 'forum' }, { id: 'other-treaty', type: 'choice' }] }
]);

const answers: AnswerMap = {
  'ext/takedown': { state: 'level', level: 4 },
  'ext/oversight': { state: 'level', level: 2 },
  'ext/treaty': { state: 'level', option: 'second-option' },
  'ext/forum': { state: 'level', level: 3 },
  'ext/other-treaty': { state: 'level', option: 'first-option' }
};

function report(scope: 'full' | 'core'): ReportDocument {
  const assessment = makeAssessment({ questionnaires: [{ id: 'ext', version: '1.0.0' }], scope });
  return buildCountryReport({
    assessment,
    questionnaires: [q],
    answers,
    result: scoreAssessment({ questionnaires: [q], answers, scope }),
    includeAppendix: true,
    madeOn: '2026-11-28'
  });
}

const cellText = (c: Cell) => (typeof c === 'string' ? c : c.text);
const tables = (doc: ReportDocument) =>
  doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('country report: caps and context facts', () => {
  it('prints a capped gap row at its chosen level, what it counts as, and the unmet condition', () => {
    const gaps = tables(report('full')).find((t) => t.columns[5]?.header === 'Next step')!;
    const row = gaps.rows.find((r) => cellText(r.cells[1]!).startsWith('Maturity takedown?'))!;
    // Chosen 4, counted 2 (oversight 2 < 3): gap to target 3 is 1.
    expect(cellText(row.cells[2]!)).toBe(
      '4 Strategic\nCounted as Formative: capped until Maturity oversight? reaches Established'
    );
    expect(cellText(row.cells[5]!)).toMatch(
      /^Capped until these reach the level shown: Maturity oversight\? \(Established\)/
    );
  });

  it('says what a capped answer counts as in the appendix', () => {
    const texts = documentTexts(report('full')).map((t) => t.text);
    expect(texts).toContain(
      '4 Strategic\nCounted as Formative: capped until Maturity oversight? reaches Established'
    );
  });

  it('lists choice answers as context facts, never among the scores', () => {
    const doc = report('full');
    const facts = tables(doc).find((t) =>
      t.rows.some((r) => cellText(r.cells[0]!) === 'Choice treaty?')
    )!;
    expect(facts.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['Choice treaty?', 'Second option'],
      ['Choice other-treaty?', 'First option']
    ]);
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === 'Context facts')).toBe(true);
  });

  it('keeps a core assessment to its core questions: no row for the other section or facts', () => {
    const doc = report('core');
    const texts = documentTexts(doc).map((t) => t.text);
    expect(texts.some((t) => t.includes('Choice other-treaty?'))).toBe(false);
    expect(texts.some((t) => t.includes('Maturity forum?'))).toBe(false);
    expect(texts).toContain('Choice treaty?');
  });
});
