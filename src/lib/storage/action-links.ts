/**
 * The parts of an assessment's life that reach into action plans, run inside the transactions of
 * `assessments.ts`: carrying a plan into an assessment started from a previous one, and
 * reopening carried copies when the assessment they went to is deleted.
 */
import { carryOver } from '$lib/domain/actions/carry';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { NcsDatabase } from './db';

/**
 * Carries the open actions of `previousId` into the new assessment (inside the caller's
 * transaction on `actions`): copies are stored under the new assessment, the old copies are
 * marked carried. Links are kept where the question is among `questionnaires`.
 */
export async function carryActionsInto(
  db: NcsDatabase,
  newAssessmentId: string,
  previousId: string,
  questionnaires: readonly Questionnaire[],
  now: string,
  makeId: () => string
): Promise<number> {
  const held = (await db.actions.get(previousId))?.actions ?? [];
  const questions = new Set(
    questionnaires.flatMap((q) =>
      q.sections.flatMap((s) => s.questions.map((x) => `${q.id}/${x.id}`))
    )
  );
  const { copies, marked } = carryOver(
    held,
    newAssessmentId,
    (qid, id) => questions.has(`${qid}/${id}`),
    now,
    makeId
  );
  if (copies.length === 0) return 0;
  const byId = new Map(marked.map((a) => [a.id, a]));
  await db.actions.put({
    assessmentId: previousId,
    actions: held.map((a) => byId.get(a.id) ?? a)
  });
  await db.actions.put({ assessmentId: newAssessmentId, actions: copies });
  return copies.length;
}

/**
 * When an assessment is deleted, the old copies carried into it become open again where they are
 * (inside the caller's transaction on `actions`): otherwise they would stay closed for good.
 */
export async function releaseCarriedTo(db: NcsDatabase, deletedId: string): Promise<void> {
  const records = await db.actions.toArray();
  for (const record of records) {
    if (!record.actions.some((a) => a.carriedTo === deletedId)) continue;
    await db.actions.put({
      assessmentId: record.assessmentId,
      actions: record.actions.map((a) => {
        if (a.carriedTo !== deletedId) return a;
        const { carriedTo: _carriedTo, ...open } = a;
        return open;
      })
    });
  }
}
