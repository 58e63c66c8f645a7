/**
 * Scoring (docs/scoring.md, rules 1–9, 11 and 12). Pure: questionnaires and answers in, results out. Every
 * other layer — screens, CSV, PDF, command line, comparison, the cached summaries — reads its
 * numbers from here. One pass over the questions serves two modes: the full results the screens
 * need (`scoreAssessment`), and the figures alone (`scoreFigures`), which builds no per-question
 * results, gap list or sections, for imports and restores that summarise thousands of
 * assessments (docs/performance.md).
 */
import type { BinaryValue, Question, Questionnaire } from '../questionnaire/schema';
import { answerKey, type Answer, type AnswerMap } from '../assessment/model';
import { scopedQuestionnaires, type AssessmentScope } from '../questionnaire/core';
import { capEffect, type CapEffect } from './cap';
import type {
  AssessmentResult,
  Counts,
  Figures,
  QuestionResult,
  QuestionStatus,
  QuestionnaireResult,
  ScaleInfo,
  SectionResult
} from './types';

/** Stage and provisional thresholds (rules 6 and 7); a provisional scope has no stage. */
export const STAGE_SHARE = 0.8;
export const PROVISIONAL_BELOW = 0.7;
const EPSILON = 1e-9;

const BINARY_SHARE: Record<BinaryValue, number> = { no: 0, partial: 0.5, yes: 1 };

export interface ScoringInput {
  /** The assessment's questionnaires, in its order, at their pinned versions. */
  questionnaires: readonly Questionnaire[];
  answers: AnswerMap;
  /** Assessment-wide target (rule 8); absent = each questionnaire's default. */
  target?: number | undefined;
  /** Rule 12: a core assessment is scored over its core questions only; absent = full. */
  scope?: AssessmentScope | undefined;
}

/** The figures of one questionnaire without its sections (the figures-only mode). */
export interface QuestionnaireFigures extends Figures {
  id: string;
  version: string;
  scale: ScaleInfo;
}

/** The figures of a whole assessment without per-question detail (the figures-only mode). */
export interface AssessmentFigures extends Figures {
  scale: ScaleInfo | null;
  questionnaires: QuestionnaireFigures[];
}

export function scaleOf(q: Questionnaire): ScaleInfo {
  const values = q.scale.map((l) => l.value);
  return {
    min: Math.min(...values),
    max: Math.max(...values),
    levels: q.scale.map((l) => ({ value: l.value, label: l.label }))
  };
}

/** What never changes between assessments of one questionnaire: read once, kept per object. */
interface Layout {
  scale: ScaleInfo;
  values: number[];
  /** The answer key of every question, by section. */
  keys: string[][];
}

function makeLayout(q: Questionnaire): Layout {
  const scale = scaleOf(q);
  return {
    scale,
    values: scale.levels.map((l) => l.value),
    keys: q.sections.map((s) => s.questions.map((question) => answerKey(q.id, question.id)))
  };
}

const layouts = new WeakMap<Questionnaire, Layout>();

/** The kept layout, for the figures-only mode; the full mode reads the questionnaire afresh. */
function layoutOf(q: Questionnaire): Layout {
  let layout = layouts.get(q);
  if (!layout) {
    layout = makeLayout(q);
    layouts.set(q, layout);
  }
  return layout;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function statusOf(question: Question, answer: Answer | undefined): QuestionStatus {
  if (!question.scored) return 'not-scored';
  switch (answer?.state) {
    case 'level':
      return answer.level === undefined ? 'unanswered' : 'scored';
    case 'na':
      return question.naAllowed ? 'na' : 'unanswered';
    case 'unknown':
      return 'unknown';
    case 'restricted':
      return 'restricted';
    default:
      return 'unanswered';
  }
}

/** Rule 7: an answer counts towards completion (context questions too). */
function isAnswered(question: Question, answer: Answer | undefined): boolean {
  const state = answer?.state;
  return (
    state === 'level' ||
    state === 'unknown' ||
    state === 'restricted' ||
    (state === 'na' && question.naAllowed)
  );
}

/** Rules 1, 8 and 11 for one question: what both modes need from it. */
interface Outcome {
  status: QuestionStatus;
  /** The counted level (rule 11), or the binary answer. */
  level: number | BinaryValue | null;
  target: number | BinaryValue;
  score: number | null;
  targetScore: number | null;
  capped: CapEffect | null;
}

function outcomeOf(
  q: Questionnaire,
  scale: ScaleInfo,
  question: Question,
  answer: Answer | undefined,
  assessmentTarget: number | undefined,
  answers: AnswerMap
): Outcome {
  const status = statusOf(question, answer);
  const rawLevel = answer?.state === 'level' ? (answer.level ?? null) : null;
  if (question.type === 'choice') {
    return { status, level: null, target: 'yes', score: null, targetScore: null, capped: null };
  }
  if (question.type === 'binary') {
    const level = typeof rawLevel === 'string' ? rawLevel : null;
    if (status !== 'scored' || level === null) {
      const shown = status === 'scored' ? 'unanswered' : status;
      return { status: shown, level, target: 'yes', score: null, targetScore: null, capped: null };
    }
    return {
      status,
      level,
      target: 'yes',
      score: BINARY_SHARE[level],
      targetScore: 1,
      capped: null
    };
  }
  const target = clamp(answer?.target ?? assessmentTarget ?? q.defaultTarget, scale.min, scale.max);
  const level = typeof rawLevel === 'number' ? rawLevel : null;
  if (status !== 'scored' || level === null) {
    const shown = status === 'scored' ? 'unanswered' : status;
    return { status: shown, level, target, score: null, targetScore: null, capped: null };
  }
  // Rule 11: the counted level replaces the chosen one in rules 1, 6, 8 and 9.
  const chosen = clamp(level, scale.min, scale.max);
  const capped = capEffect(q, question, chosen, answers);
  const counted = capped ? capped.counted : chosen;
  const span = scale.max - scale.min;
  return {
    status,
    level: counted,
    target,
    score: (counted - scale.min) / span,
    targetScore: (Math.max(target, counted) - scale.min) / span,
    capped
  };
}

/** Rule 9's fields for one question, from its outcome. */
function questionResult(
  q: Questionnaire,
  scale: ScaleInfo,
  question: Question,
  o: Outcome,
  sectionWeight: number,
  order: [number, number, number]
): QuestionResult {
  let gap: number | null = null;
  let normalisedGap: number | null = null;
  if (o.score !== null) {
    if (question.type === 'binary') {
      gap = normalisedGap = 1 - o.score;
    } else {
      gap = Math.max(0, (o.target as number) - (o.level as number));
      normalisedGap = gap / (scale.max - scale.min);
    }
  }
  // One object literal, not `{ ...base, ... }`: Node 20's V8 builds a spread followed by many
  // keys about seventy times slower (docs/performance.md).
  return {
    questionnaireId: q.id,
    sectionId: q.sections[order[1]]!.id,
    questionId: question.id,
    text: question.text,
    type: question.type,
    status: o.status,
    weight: question.weight,
    sectionWeight,
    order,
    level: o.level,
    target: o.target,
    score: o.score,
    targetScore: o.targetScore,
    gap,
    normalisedGap,
    priority: normalisedGap === null ? null : normalisedGap * question.weight * sectionWeight,
    capped: o.capped
  };
}

function noCounts(): Counts {
  return {
    total: 0,
    answered: 0,
    scorable: 0,
    scored: 0,
    na: 0,
    unknown: 0,
    restricted: 0,
    unanswered: 0,
    notScored: 0
  };
}

function countStatus(c: Counts, status: QuestionStatus): void {
  c.total++;
  if (status === 'not-scored') c.notScored++;
  else c.scorable++;
  if (status === 'scored') c.scored++;
  else if (status === 'na') c.na++;
  else if (status === 'unknown') c.unknown++;
  else if (status === 'restricted') c.restricted++;
  else if (status === 'unanswered') c.unanswered++;
}

/**
 * Rule 6: the highest level L whose questions (level ≥ L) hold at least 80% of the weight.
 * Each entry is a scored maturity question with its stage weight W·wᵢ/Σw already applied.
 * @example gatedStage([{ level: 3, weight: 0.8 }, { level: 1, weight: 0.2 }], [1, 2, 3, 4, 5]) // 3
 */
export function gatedStage(
  entries: readonly { level: number; weight: number }[],
  scaleValues: readonly number[]
): number | null {
  const total = entries.reduce((n, e) => n + e.weight, 0);
  if (entries.length === 0 || total <= 0) return null;
  let stage: number | null = null;
  for (const value of [...scaleValues].sort((a, b) => a - b)) {
    const held = entries.reduce((n, e) => (e.level >= value ? n + e.weight : n), 0);
    if (held >= STAGE_SHARE * total - EPSILON) stage = value;
  }
  return stage;
}

/** Rule 7 and the amended rule 6 on pooled counts: completion, coverage, provisional. */
function figures(
  score: number | null,
  targetScore: number | null,
  stage: number | null,
  counts: Counts
): Figures {
  const coverable = counts.scorable - counts.na;
  const coverage = coverable <= 0 ? null : counts.scored / coverable;
  const provisional = score !== null && (coverage ?? 0) < PROVISIONAL_BELOW;
  return {
    score,
    targetScore,
    gap: score === null || targetScore === null ? null : targetScore - score,
    // Rule 6 as amended: a provisional scope claims no stage.
    stage: provisional ? null : stage,
    completion: counts.total === 0 ? null : counts.answered / counts.total,
    coverage,
    provisional,
    counts
  };
}

function addCounts(parts: readonly Counts[]): Counts {
  const c = noCounts();
  for (const p of parts) {
    c.total += p.total;
    c.answered += p.answered;
    c.scorable += p.scorable;
    c.scored += p.scored;
    c.na += p.na;
    c.unknown += p.unknown;
    c.restricted += p.restricted;
    c.unanswered += p.unanswered;
    c.notScored += p.notScored;
  }
  return c;
}

/** One section, one pass: its figures, its stage entries (W·wᵢ/Σw) and, in full mode, its results. */
function scoreSection(
  q: Questionnaire,
  layout: Layout,
  si: number,
  index: number,
  answers: AnswerMap,
  assessmentTarget: number | undefined,
  detail: boolean
) {
  const section = q.sections[si]!;
  const keys = layout.keys[si]!;
  const counts = noCounts();
  const questions: QuestionResult[] = [];
  const maturity: { level: number; weight: number }[] = [];
  // Rule 2, summed in document order.
  let sumW = 0;
  let sum = 0;
  let sumT = 0;
  for (let qi = 0; qi < section.questions.length; qi++) {
    const question = section.questions[qi]!;
    const answer = answers[keys[qi]!];
    const o = outcomeOf(q, layout.scale, question, answer, assessmentTarget, answers);
    countStatus(counts, o.status);
    if (isAnswered(question, answer)) counts.answered++;
    if (detail) {
      questions.push(questionResult(q, layout.scale, question, o, section.weight, [index, si, qi]));
    }
    if (o.status !== 'scored') continue;
    sumW += question.weight;
    sum += question.weight * o.score!;
    sumT += question.weight * o.targetScore!;
    if (question.type === 'maturity' && typeof o.level === 'number') {
      maturity.push({ level: o.level, weight: question.weight });
    }
  }
  const maturityW = maturity.reduce((n, e) => n + e.weight, 0);
  const stageEntries = maturity.map((e) => ({
    level: e.level,
    weight: (section.weight * e.weight) / maturityW
  }));
  const result = figures(sumW > 0 ? sum / sumW : null, sumW > 0 ? sumT / sumW : null, null, counts);
  if (detail && !result.provisional) result.stage = gatedStage(stageEntries, layout.values);
  return { figures: result, stageEntries, questions };
}

/** Rules 1–3 and 6–8 for one questionnaire; sections and questions only in full mode. */
function scoreScopes(
  q: Questionnaire,
  answers: AnswerMap,
  assessmentTarget: number | undefined,
  index: number,
  detail: boolean
): { figures: Figures; sections: SectionResult[]; scale: ScaleInfo } {
  const layout = detail ? makeLayout(q) : layoutOf(q);
  const parts = q.sections.map((_, si) =>
    scoreSection(q, layout, si, index, answers, assessmentTarget, detail)
  );
  // Rule 3, over the sections with a score, in document order.
  let sumW = 0;
  let sum = 0;
  let sumT = 0;
  for (let si = 0; si < parts.length; si++) {
    const f = parts[si]!.figures;
    if (f.score === null) continue;
    const weight = q.sections[si]!.weight;
    sumW += weight;
    sum += weight * f.score;
    sumT += weight * f.targetScore!;
  }
  const stage = gatedStage(
    parts.flatMap((p) => p.stageEntries),
    layout.values
  );
  const counts = addCounts(parts.map((p) => p.figures.counts));
  const sections: SectionResult[] = detail
    ? parts.map((p, si) => {
        const section = q.sections[si]!;
        return {
          id: section.id,
          title: section.title,
          weight: section.weight,
          questions: p.questions,
          ...p.figures
        };
      })
    : [];
  return {
    figures: figures(sumW > 0 ? sum / sumW : null, sumW > 0 ? sumT / sumW : null, stage, counts),
    sections,
    scale: layout.scale
  };
}

/**
 * Scores one questionnaire of an assessment (rules 1–3, 6–8).
 * @example scoreQuestionnaire(privacy, answers, undefined, 0).score // 0.4375 or null
 */
export function scoreQuestionnaire(
  q: Questionnaire,
  answers: AnswerMap,
  assessmentTarget: number | undefined,
  index = 0
): QuestionnaireResult {
  const { figures: f, sections, scale } = scoreScopes(q, answers, assessmentTarget, index, true);
  return { id: q.id, version: q.version, title: q.title, scale, sections, ...f };
}

function sameScale(a: ScaleInfo, b: ScaleInfo): boolean {
  return (
    a.levels.length === b.levels.length &&
    a.levels.every((l, i) => l.value === b.levels[i]!.value && l.label === b.levels[i]!.label)
  );
}

/**
 * Rule 4 and the overall stage of rule 6 over a set of questionnaire results. The comparison
 * (rule 10) calls it with the questionnaires a set of assessments shares.
 * @example combineOverall([privacyResult, standardsResult]).score // plain mean of the two
 */
export function combineOverall(
  results: readonly (Figures & { scale: ScaleInfo })[]
): Figures & { scale: ScaleInfo | null } {
  const withScore = results.filter((r) => r.score !== null);
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  const score = mean(withScore.map((r) => r.score!));
  const targetScore = mean(withScore.map((r) => r.targetScore!));
  const first = results[0]?.scale;
  const scale = first && results.every((r) => sameScale(r.scale, first)) ? first : null;
  const stages = results.map((r) => r.stage).filter((s): s is number => s !== null);
  // A provisional questionnaire counted in the overall leaves the overall without a stage.
  const anyProvisional = withScore.some((r) => r.provisional);
  const stage = scale && stages.length > 0 && !anyProvisional ? Math.min(...stages) : null;
  return { ...figures(score, targetScore, stage, addCounts(results.map((r) => r.counts))), scale };
}

/** Differences below this are float noise (0.75·0.3 vs 0.5·0.45), not a real order. */
const TIE = 1e-12;

function descending(a: number, b: number): number {
  return Math.abs(a - b) <= TIE ? 0 : b - a;
}

/** Rule 9 order: priority, then normalised gap (both descending), then document order. */
export function compareGaps(a: QuestionResult, b: QuestionResult): number {
  return (
    descending(a.priority!, b.priority!) ||
    descending(a.normalisedGap!, b.normalisedGap!) ||
    a.order[0] - b.order[0] ||
    a.order[1] - b.order[1] ||
    a.order[2] - b.order[2]
  );
}

/**
 * Scores a whole assessment: every scope, the gap list and the evidence gaps.
 * @example scoreAssessment({ questionnaires: [privacy], answers: {} }).score // null
 */
export function scoreAssessment(input: ScoringInput): AssessmentResult {
  const questionnaires = scopedQuestionnaires(input.questionnaires, input.scope).map((q, i) =>
    scoreQuestionnaire(q, input.answers, input.target, i)
  );
  const all = questionnaires.flatMap((r) => r.sections.flatMap((s) => s.questions));
  const gapList = all
    .filter((r) => r.status === 'scored' && r.gap !== null && r.gap > 0)
    .sort(compareGaps);
  return {
    ...combineOverall(questionnaires),
    questionnaires,
    gapList,
    evidenceGaps: all.filter((r) => r.status === 'unknown' || r.status === 'unanswered'),
    restricted: all.filter((r) => r.status === 'restricted')
  };
}

/**
 * The figures-only mode: the same overall and per-questionnaire figures as `scoreAssessment`,
 * float for float, without per-question results, sections or the gap list. The cached summaries
 * (`domain/assessment/summary.ts`) come from here.
 * @example scoreFigures({ questionnaires: [privacy], answers }).score // as scoreAssessment's
 */
export function scoreFigures(input: ScoringInput): AssessmentFigures {
  const questionnaires = scopedQuestionnaires(input.questionnaires, input.scope).map(
    (q, i): QuestionnaireFigures => {
      const { figures: f, scale } = scoreScopes(q, input.answers, input.target, i, false);
      return { id: q.id, version: q.version, scale, ...f };
    }
  );
  return { ...combineOverall(questionnaires), questionnaires };
}
