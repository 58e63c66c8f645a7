/**
 * The core set of a questionnaire (docs/scoring.md, rule 12): the questions marked `core`, in
 * their sections, for a one-day workshop. A core assessment sees this view of each of its
 * questionnaires and nothing else — screens, templates, exports and scores alike.
 */
import type { Questionnaire } from './schema';

export const ASSESSMENT_SCOPES = ['full', 'core'] as const;
export type AssessmentScope = (typeof ASSESSMENT_SCOPES)[number];

/** Whether a questionnaire version marks any question as core. */
export function hasCoreSet(q: Questionnaire): boolean {
  return q.sections.some((s) => s.questions.some((question) => question.core));
}

const views = new WeakMap<Questionnaire, Questionnaire | null>();

/**
 * The questionnaire with only its core questions; sections without one are left out. Null when
 * the version has no core set. The same object comes back for the same questionnaire.
 * @example coreView(privacy)?.sections.length // 3
 */
export function coreView(q: Questionnaire): Questionnaire | null {
  if (views.has(q)) return views.get(q)!;
  const sections = q.sections
    .map((s) => ({ ...s, questions: s.questions.filter((question) => question.core) }))
    .filter((s) => s.questions.length > 0);
  const view = sections.length === 0 ? null : { ...q, sections };
  views.set(q, view);
  return view;
}

/**
 * The questionnaires as an assessment of this scope sees them: all of them for `full`, the core
 * views (those that have one) for `core`.
 * @example scopedQuestionnaires([privacy, standards], 'core').length // 2 when both have a core set
 */
export function scopedQuestionnaires(
  questionnaires: readonly Questionnaire[],
  scope: AssessmentScope | undefined
): Questionnaire[] {
  if (scope !== 'core') return [...questionnaires];
  return questionnaires.map(coreView).filter((q): q is Questionnaire => q !== null);
}

/** The scope of a stored assessment: records made before scopes existed are `full`. */
export function scopeOf(assessment: { scope?: AssessmentScope | undefined }): AssessmentScope {
  return assessment.scope ?? 'full';
}
