/**
 * Scoring (docs/scoring.md, rules 1–9). Pure: questionnaires and answers in, results out. Every
 * other layer — screens, CSV, PDF, command line, comparison — reads its numbers from here.
 */
import type { BinaryValue, Question, Questionnaire } from '../questionnaire/schema';
import { answerKey, type Answer, type AnswerMap } from '../assessment/model';
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
}

export function scaleOf(q: Questionnaire): ScaleInfo {
  const values = q.scale.map((l) => l.value);
  return {
    min: Math.min(...values),
    max: Math.max(...values),
    levels: q.scale.map((l) => ({ value: l.value, label: l.label }))
  };
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

/** Rules 1 and 8 for one question. */
function scoreQuestion(
  q: Questionnaire,
  scale: ScaleInfo,
  question: Question,
  answer: Answer | undefined,
  assessmentTarget: number | undefined,
  sectionWeight: number,
  order: [number, number, number]
): QuestionResult {
  const status = statusOf(question, answer);
  const span = scale.max - scale.min;
  const rawLevel = answer?.state === 'level' ? (answer.level ?? null) : null;
  // One object literal per outcome, not `{ ...base, ... }`: Node 20's V8 builds a spread
  // followed by many keys about seventy times slower, which made the command line's and the
  // tests' scoring of many assessments slow (docs/performance.md).
  const result = (
    finalStatus: QuestionStatus,
    level: number | BinaryValue | null,
    target: number | BinaryValue,
    score: number | null,
    targetScore: number | null,
    gap: number | null,
    normalisedGap: number | null
  ): QuestionResult => ({
    questionnaireId: q.id,
    sectionId: q.sections[order[1]]!.id,
    questionId: question.id,
    text: question.text,
    type: question.type,
    status: finalStatus,
    weight: question.weight,
    sectionWeight,
    order,
    level,
    target,
    score,
    targetScore,
    gap,
    normalisedGap,
    priority: normalisedGap === null ? null : normalisedGap * question.weight * sectionWeight
  });

  if (question.type === 'binary') {
    const level = typeof rawLevel === 'string' ? rawLevel : null;
    if (status !== 'scored' || level === null) {
      const shown = status === 'scored' ? 'unanswered' : status;
      return result(shown, level, 'yes', null, null, null, null);
    }
    const score = BINARY_SHARE[level];
    const normalisedGap = 1 - score;
    return result(status, level, 'yes', score, 1, normalisedGap, normalisedGap);
  }

  const target = clamp(answer?.target ?? assessmentTarget ?? q.defaultTarget, scale.min, scale.max);
  const level = typeof rawLevel === 'number' ? rawLevel : null;
  if (status !== 'scored' || level === null) {
    const shown = status === 'scored' ? 'unanswered' : status;
    return result(shown, level, target, null, null, null, null);
  }
  const clampedLevel = clamp(level, scale.min, scale.max);
  const gap = Math.max(0, target - clampedLevel);
  const normalisedGap = gap / span;
  return result(
    status,
    clampedLevel,
    target,
    (clampedLevel - scale.min) / span,
    (Math.max(target, clampedLevel) - scale.min) / span,
    gap,
    normalisedGap
  );
}

function countQuestions(questions: readonly QuestionResult[]): Counts {
  const c: Counts = {
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
  for (const q of questions) {
    c.total++;
    if (q.status === 'not-scored') c.notScored++;
    else c.scorable++;
    if (q.status === 'scored') c.scored++;
    if (q.status === 'na') c.na++;
    if (q.status === 'unknown') c.unknown++;
    if (q.status === 'restricted') c.restricted++;
    if (q.status === 'unanswered') c.unanswered++;
  }
  return c;
}

/** Rule 7 on pooled counts; `answered` is passed in because context questions count too. */
function completionCoverage(c: Counts): { completion: number | null; coverage: number | null } {
  const coverable = c.scorable - c.na;
  return {
    completion: c.total === 0 ? null : c.answered / c.total,
    coverage: coverable <= 0 ? null : c.scored / coverable
  };
}

function weightedMean(pairs: { weight: number; value: number }[]): number | null {
  let sumW = 0;
  let sum = 0;
  for (const p of pairs) {
    sumW += p.weight;
    sum += p.weight * p.value;
  }
  return sumW > 0 ? sum / sumW : null;
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

/** Stage weights of one section's scored maturity questions: W·wᵢ/Σw (rule 6). */
function stageEntries(section: SectionResult): { level: number; weight: number }[] {
  const scored = section.questions.filter(
    (q) => q.status === 'scored' && q.type === 'maturity' && typeof q.level === 'number'
  );
  const sumW = scored.reduce((n, q) => n + q.weight, 0);
  return scored.map((q) => ({
    level: q.level as number,
    weight: (section.weight * q.weight) / sumW
  }));
}

function figures(
  score: number | null,
  targetScore: number | null,
  stage: number | null,
  counts: Counts
): Figures {
  const { completion, coverage } = completionCoverage(counts);
  const provisional = score !== null && (coverage ?? 0) < PROVISIONAL_BELOW;
  return {
    score,
    targetScore,
    gap: score === null || targetScore === null ? null : targetScore - score,
    // Rule 6 as amended: a provisional scope claims no stage.
    stage: provisional ? null : stage,
    completion,
    coverage,
    provisional,
    counts
  };
}

function addCounts(parts: readonly Counts[]): Counts {
  const c = countQuestions([]);
  for (const p of parts) {
    for (const key of Object.keys(c) as (keyof Counts)[]) c[key] += p[key];
  }
  return c;
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
  const scale = scaleOf(q);
  const sections: SectionResult[] = q.sections.map((section, si) => {
    const questions = section.questions.map((question, qi) => {
      const answer = answers[answerKey(q.id, question.id)];
      return scoreQuestion(q, scale, question, answer, assessmentTarget, section.weight, [
        index,
        si,
        qi
      ]);
    });
    const counts = countQuestions(questions);
    counts.answered = section.questions.filter((question) => {
      const state = answers[answerKey(q.id, question.id)]?.state;
      return (
        state === 'level' ||
        state === 'unknown' ||
        state === 'restricted' ||
        (state === 'na' && question.naAllowed)
      );
    }).length;
    const scored = questions.filter((r) => r.status === 'scored');
    const score = weightedMean(scored.map((r) => ({ weight: r.weight, value: r.score! })));
    const targetScore = weightedMean(
      scored.map((r) => ({ weight: r.weight, value: r.targetScore! }))
    );
    const partial: SectionResult = {
      id: section.id,
      title: section.title,
      weight: section.weight,
      questions,
      ...figures(score, targetScore, null, counts)
    };
    partial.stage = partial.provisional
      ? null
      : gatedStage(
          stageEntries(partial),
          scale.levels.map((l) => l.value)
        );
    return partial;
  });

  const withScore = sections.filter((s) => s.score !== null);
  const score = weightedMean(withScore.map((s) => ({ weight: s.weight, value: s.score! })));
  const targetScore = weightedMean(
    withScore.map((s) => ({ weight: s.weight, value: s.targetScore! }))
  );
  const stage = gatedStage(
    sections.flatMap(stageEntries),
    scale.levels.map((l) => l.value)
  );
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    scale,
    sections,
    ...figures(score, targetScore, stage, addCounts(sections.map((s) => s.counts)))
  };
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
  results: readonly QuestionnaireResult[]
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
  const questionnaires = input.questionnaires.map((q, i) =>
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
