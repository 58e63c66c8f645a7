/**
 * Words and formats shared by the reports. Numbers are formatted exactly as the results screen
 * formats them (ScoreCard.svelte and the section table of the results page): keep them in sync.
 */
import type { Answer, Assessment, Classification } from '$lib/domain/assessment/model';
import { BINARY_LABELS } from '$lib/domain/questionnaire/options';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { equivalentLevel, formatPercent } from '$lib/domain/scoring/display';
import { stageName } from '$lib/domain/scoring/explain';
import type { Figures, QuestionResult, ScaleInfo } from '$lib/domain/scoring/types';

/** TLP 2.0 label colours (printed on black). */
export const TLP_COLOURS: Record<Classification, string> = {
  CLEAR: '#ffffff',
  GREEN: '#33ff00',
  AMBER: '#ffc000',
  'AMBER+STRICT': '#ffc000',
  RED: '#ff2b2b'
};

export const TLP_MEANINGS: Record<Classification, string> = {
  CLEAR: 'disclosure is not limited',
  GREEN: 'limited disclosure: may be shared within the community, not published',
  AMBER:
    'limited disclosure: recipients may share it within their organisation and its clients, on a need-to-know basis',
  'AMBER+STRICT': 'limited disclosure: recipients may share it within their organisation only',
  RED: 'for the named recipients only; no further disclosure'
};

export const DRAFT_WATERMARK = 'DRAFT — not for citation';
export const SELF_ASSESSMENT_NOTE = 'Self-assessment — not independently validated';

/** The footer every page of a report about this assessment carries (docs/file-formats.md). */
export function provenanceNote(assessment: Assessment): string {
  const p = assessment.provenance;
  if (p.mode !== 'validated') return SELF_ASSESSMENT_NOTE;
  const by = p.validatedBy.trim() || 'an external reviewer';
  return p.validatedOn ? `Validated by ${by} on ${p.validatedOn}` : `Validated by ${by}`;
}

/** "72.5", or "72.5 (prov.)" as the results screen's section table marks a provisional score. */
export function scoreText(figures: Figures): string {
  const shown = formatPercent(figures.score, '—');
  return figures.provisional && figures.score !== null ? `${shown} (prov.)` : shown;
}

export function percentText(share: number | null): string {
  return `${formatPercent(share, '—')}%`;
}

/** "2.4 of 5", as the score card's "Equivalent to level 2.4 of 5". */
export function levelText(figures: Figures, scale: ScaleInfo | null): string {
  const level = scale ? equivalentLevel(figures.score, scale.min, scale.max) : null;
  return level === null || !scale ? '—' : `${level.toFixed(1)} of ${scale.max}`;
}

/** The stage label as on the score card. */
export function stageText(stage: number | null, scale: ScaleInfo | null): string {
  if (stage === null) return '—';
  return scale?.levels.find((l) => l.value === stage)?.label ?? String(stage);
}

/** "3 Established", "Partly", "—". */
export function levelValueText(
  q: Questionnaire | undefined,
  value: QuestionResult['level']
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return BINARY_LABELS[value];
  const name = stageName(q, value);
  return name ? `${value} ${name}` : String(value);
}

export function targetText(q: Questionnaire | undefined, target: QuestionResult['target']): string {
  return levelValueText(q, target);
}

/** The recorded answer in words: a level, N/A with its reason, or why there is none. */
export function answerText(q: Questionnaire | undefined, answer: Answer | undefined): string {
  switch (answer?.state) {
    case 'level':
      return levelValueText(q, answer.level ?? null);
    case 'na':
      return `Not applicable — ${answer.naReason ?? ''}`.trim();
    case 'unknown':
      return "Don't know";
    case 'restricted':
      return 'Cannot disclose';
    default:
      return 'Not answered';
  }
}
