/**
 * The results CSV (docs/file-formats.md): one row per assessment × scope, the numbers of
 * docs/scoring.md rounded once by `formatPercent`. The app's export and `npm run score` both call
 * `writeResultsCsv`, so the two print the same bytes.
 */
import { formatPercent } from '../domain/scoring/display';
import type { AssessmentResult, Figures, ScaleInfo } from '../domain/scoring/types';
import type { AssessmentScope } from '../domain/questionnaire/core';
import { serialiseCsv, type Cell, type Delimiter } from './csv';

/** The header, exactly as docs/file-formats.md writes it. */
export const RESULTS_HEADER = [
  'assessment_id',
  'country',
  'assessment_date',
  'scope',
  'questionnaire_id',
  'section_id',
  'score',
  'target_score',
  'gap',
  'stage',
  'completion',
  'coverage',
  'provisional',
  // Second edition: readers need no ids, and aggregated files never mix core and full silently.
  'questionnaire_title',
  'section_title',
  'assessment_scope'
] as const;

export interface ResultsExportItem {
  /** `scope` absent = full (records made before scopes existed). */
  assessment: { id: string; country: string; date: string; scope?: AssessmentScope | undefined };
  result: AssessmentResult;
}

function stageLabel(scale: ScaleInfo | null, stage: number | null): string {
  if (scale === null || stage === null) return '';
  return scale.levels.find((l) => l.value === stage)?.label ?? '';
}

function figureCells(figures: Figures, scale: ScaleInfo | null): Cell[] {
  return [
    formatPercent(figures.score),
    formatPercent(figures.targetScore),
    formatPercent(figures.gap),
    stageLabel(scale, figures.stage),
    formatPercent(figures.completion),
    formatPercent(figures.coverage),
    // Scoring sets `provisional` only for a score that exists (rule 7).
    figures.provisional ? 'yes' : 'no'
  ];
}

/**
 * Rows: overall, then each questionnaire followed by its sections, in the assessment's order.
 * The overall stage uses the common scale and is empty when the scales differ.
 * @example writeResultsCsv([{ assessment: { id: 'a1', country: 'KE', date: '2026-11-01' }, result }])
 */
export function writeResultsCsv(
  items: readonly ResultsExportItem[],
  delimiter: Delimiter = ','
): string {
  const rows: Cell[][] = [[...RESULTS_HEADER]];
  for (const { assessment, result } of items) {
    const lead = [assessment.id, assessment.country, assessment.date];
    const scope = assessment.scope ?? 'full';
    rows.push([...lead, 'overall', '', '', ...figureCells(result, result.scale), '', '', scope]);
    for (const questionnaire of result.questionnaires) {
      rows.push([
        ...lead,
        'questionnaire',
        questionnaire.id,
        '',
        ...figureCells(questionnaire, questionnaire.scale),
        questionnaire.title,
        '',
        scope
      ]);
      for (const section of questionnaire.sections) {
        rows.push([
          ...lead,
          'section',
          questionnaire.id,
          section.id,
          ...figureCells(section, questionnaire.scale),
          questionnaire.title,
          section.title,
          scope
        ]);
      }
    }
  }
  return serialiseCsv(rows, delimiter);
}
