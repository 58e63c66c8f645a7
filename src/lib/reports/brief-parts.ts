/**
 * Pieces of the executive brief that are plain data work: cutting long text to a budget, keeping
 * lists to five with "and n more", the stage ladders, the open actions in brief order, and the
 * gaps in plain words. The brief (brief.ts) arranges them; docs/file-formats.md, "Executive
 * brief", says what it holds.
 */
import type { Action } from '$lib/domain/actions/model';
import type { Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type {
  AssessmentResult,
  Figures,
  QuestionResult,
  QuestionnaireResult,
  ScaleInfo
} from '$lib/domain/scoring/types';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import type { LadderRow } from './document/model';
import { dayText, levelText, levelValueText, shareText, stageWord, targetText } from './labels';
import { inReport, reportLocale } from './report-locale';

/** Every list of the brief stops here and says how many more there are. */
export const BRIEF_LIST = 5;

/**
 * The text whole when it has at most `max` characters, else cut at the last sentence end or
 * space before `max` and ended with "…".
 * @example cutText('One. Two three four.', 10) // 'One.…'
 */
export function cutText(text: string, max: number): string {
  const clean = text.trim().replace(/\s*\n\s*\n\s*/g, '\n');
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const sentence = Math.max(room.lastIndexOf('. '), room.lastIndexOf('.\n'));
  if (sentence >= max * 0.6) return `${room.slice(0, sentence + 1)}…`;
  const space = room.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? room.slice(0, space) : room).trimEnd()}…`;
}

/** The first five of a list, and how many were left out. */
export function firstFive<T>(items: readonly T[]): { shown: T[]; more: number } {
  return { shown: items.slice(0, BRIEF_LIST), more: Math.max(0, items.length - BRIEF_LIST) };
}

/** "and 3 more", or nothing when none was left out. */
export function moreText(more: number): string | null {
  return more > 0
    ? m.outputs_and_more({ count: more, countText: formatNumber(more, reportLocale()) }, inReport())
    : null;
}

/** "based on 12 of 40 questions": the counts behind a score (docs/scoring.md, rules 6–7). */
export function basedOn(f: Figures): string {
  const n = f.counts.scored;
  const of = Math.max(0, f.counts.scorable - f.counts.na);
  return m.outputs_based_on(
    { count: of, n: formatNumber(n, reportLocale()), m: formatNumber(of, reportLocale()) },
    inReport()
  );
}

/** A score that is provisional: coverage below the threshold, with a score to show. */
export const isProvisional = (f: Figures): boolean => f.provisional && f.score !== null;

function clampToScale(value: number, scale: ScaleInfo): number {
  return Math.min(scale.max, Math.max(scale.min, value));
}

/** Index of the rung of a scale value, or null when the scale has no such level. */
function rungOf(scale: ScaleInfo, value: number | null): number | null {
  if (value === null) return null;
  const i = scale.levels.findIndex((l) => l.value === value);
  return i < 0 ? null : i;
}

/** The level a questionnaire aims at: the assessment's target, else the questionnaire's default. */
export function aimOf(
  assessment: Assessment,
  scale: ScaleInfo,
  q: Questionnaire | undefined
): number | null {
  const target = assessment.target ?? q?.defaultTarget;
  return target === undefined ? null : clampToScale(target, scale);
}

function ladderRow(
  title: string,
  figures: Figures,
  scale: ScaleInfo,
  aim: number | null,
  partsProvisional = false
): LadderRow {
  const provisional = isProvisional(figures) || (partsProvisional && figures.score !== null);
  // A provisional scope claims no stage (docs/scoring.md, rule 6): the picture shows none.
  const stage = provisional ? null : figures.stage;
  let note = '';
  if (figures.score === null) note = m.outputs_ladder_no_score({}, inReport());
  else if (isProvisional(figures)) {
    note = m.outputs_ladder_provisional({ basis: basedOn(figures) }, inReport());
  } else if (provisional) note = m.outputs_ladder_parts_provisional({}, inReport());
  else if (stage === null) note = m.outputs_ladder_no_stage({}, inReport());
  return {
    title,
    detail:
      figures.score === null
        ? ''
        : m.outputs_ladder_detail(
            {
              score: shareText(figures.score),
              level: levelText(figures, scale),
              basis: basedOn(figures)
            },
            inReport()
          ),
    rungs: scale.levels.map((l) => stageWord(l.label)),
    here: rungOf(scale, stage),
    aim: rungOf(scale, aim),
    note
  };
}

/** The overall ladder (when every questionnaire shares one scale) and one per questionnaire. */
export function ladderRows(
  assessment: Assessment,
  questionnaires: readonly Questionnaire[],
  result: AssessmentResult
): LadderRow[] {
  const byId = new Map(questionnaires.map((q) => [q.id, q]));
  const aims = result.questionnaires.map((q) => aimOf(assessment, q.scale, byId.get(q.id)));
  const rows: LadderRow[] = [];
  if (result.scale && result.questionnaires.length > 1) {
    const known = aims.filter((a): a is number => a !== null);
    rows.push(
      ladderRow(
        m.outputs_overall({}, inReport()),
        result,
        result.scale,
        known.length ? Math.min(...known) : null,
        result.questionnaires.some(isProvisional)
      )
    );
  }
  result.questionnaires.forEach((q, i) => rows.push(ladderRow(q.title, q, q.scale, aims[i]!)));
  return rows;
}

/** An action still to be done: planned or in progress, and not carried to a later assessment. */
export function isOpen(a: Action): boolean {
  return (a.status === 'planned' || a.status === 'in-progress') && a.carriedTo === undefined;
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Open actions by priority, then due date (undated last), then title. */
export function openActionsInOrder(actions: readonly Action[]): Action[] {
  return actions.filter(isOpen).sort((a, b) => {
    const p = PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];
    if (p !== 0) return p;
    if (a.due !== b.due) {
      return a.due === undefined ? 1 : b.due === undefined ? -1 : a.due < b.due ? -1 : 1;
    }
    return a.title.localeCompare(b.title);
  });
}

/** One open action's line under its title: owner, due date, cost — the parts that are known. */
export function actionFacts(a: Action): string {
  const parts: string[] = [];
  if (a.owner) parts.push(m.outputs_action_owner({ owner: a.owner }, inReport()));
  if (a.due) parts.push(m.outputs_action_due({ date: dayText(a.due) }, inReport()));
  if (a.cost) parts.push(m.outputs_action_cost({ cost: a.cost }, inReport()));
  if (a.status === 'in-progress') parts.push(m.outputs_action_in_progress({}, inReport()));
  return parts.length ? parts.join(' · ') : m.outputs_action_no_owner({}, inReport());
}

/** A gap in plain words: where it is, and where it stands against its aim. */
export function gapFacts(q: Questionnaire | undefined, g: QuestionResult, title: string): string {
  return m.outputs_gap_facts(
    {
      questionnaire: title,
      now: levelValueText(q, g.level),
      aim: targetText(q, g.target)
    },
    inReport()
  );
}

/** The questionnaire results that are provisional, and the overall when it is. */
export function provisionalScopes(result: AssessmentResult): { title: string; basis: string }[] {
  const list: { title: string; basis: string }[] = [];
  if (isProvisional(result) && result.questionnaires.length > 1) {
    list.push({ title: m.outputs_overall({}, inReport()), basis: basedOn(result) });
  }
  for (const q of result.questionnaires as QuestionnaireResult[]) {
    if (isProvisional(q)) list.push({ title: q.title, basis: basedOn(q) });
  }
  return list;
}
