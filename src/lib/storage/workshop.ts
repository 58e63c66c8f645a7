/**
 * Repository for workshops (docs/architecture.md, "Workshops"): the groups on the assessment,
 * and one record per assessment holding every group's answers and the consensus history. Every
 * change reads the record it changes inside its transaction (keyed updates), so two tabs typing
 * two groups' answers never overwrite each other. Group answers never change a score; setting a
 * consensus does, and refreshes the summary in the same transaction.
 */
import { liveQuery } from 'dexie';
import { answerKey, type Answer, type Assessment } from '$lib/domain/assessment/model';
import {
  consensusChange,
  withoutGroup,
  type GroupAnswers,
  type GroupAnswersRecord
} from '$lib/domain/workshop/answers';
import { validateGroups, type Group } from '$lib/domain/workshop/groups';
import { database } from './db';
import {
  NotFoundError,
  ReadOnlyError,
  summaryRecord,
  type AnswerChange,
  type Summarize
} from './assessments';

function now(): string {
  return new Date().toISOString();
}

function emptyRecord(assessmentId: string): GroupAnswersRecord {
  return { assessmentId, answers: {}, history: [] };
}

/** The group answers and consensus history of one assessment (empty when it has none). */
export async function getWorkshop(assessmentId: string): Promise<GroupAnswersRecord> {
  return (await database().groupAnswers.get(assessmentId)) ?? emptyRecord(assessmentId);
}

/**
 * Stores the workshop's groups (in their order) and whether they are shown anonymised; the
 * answers of groups no longer in the list go in the same transaction. Refuses a list
 * `validateGroups` finds wrong, and a final assessment.
 * @example await saveGroups(id, [...groups, newGroup(groups, { name: 'Media', kind: 'other' })], false)
 */
export async function saveGroups(
  assessmentId: string,
  groups: readonly Group[],
  anonymise: boolean
): Promise<Assessment> {
  const problems = validateGroups(groups);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  const db = database();
  return db.transaction('rw', [db.assessments, db.groupAnswers], async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) throw new NotFoundError('This assessment no longer exists.');
    if (assessment.status === 'final') throw new ReadOnlyError(assessment.title);
    const kept = new Set(groups.map((g) => g.id));
    const record = await db.groupAnswers.get(assessmentId);
    if (record) {
      let answers = record.answers;
      for (const g of assessment.groups ?? []) {
        if (!kept.has(g.id)) answers = withoutGroup(answers, g.id);
      }
      if (answers !== record.answers) await db.groupAnswers.put({ ...record, answers });
    }
    const saved: Assessment = {
      ...assessment,
      groups: [...groups],
      anonymiseGroups: anonymise,
      updatedAt: now()
    };
    await db.assessments.put(saved);
    return saved;
  });
}

export interface GroupAnswerChange {
  /** `groupId/questionnaireId/questionId`. */
  key: string;
  /** The group's new answer; null removes it. */
  answer: Answer | null;
}

/**
 * Applies group answer changes as keyed updates of the one record, atomically. Scores and the
 * summary are untouched: group answers are evidence, not the consensus. Returns the stored answers.
 * @example await saveGroupAnswers(id, [{ key: 'academia/privacy/dpa', answer: { state: 'level', level: 3 } }])
 */
export async function saveGroupAnswers(
  assessmentId: string,
  changes: readonly GroupAnswerChange[]
): Promise<GroupAnswers> {
  const db = database();
  return db.transaction('rw', [db.assessments, db.groupAnswers], async () => {
    const [assessment, stored] = await Promise.all([
      db.assessments.get(assessmentId),
      db.groupAnswers.get(assessmentId)
    ]);
    if (!assessment) throw new NotFoundError('This assessment no longer exists.');
    if (assessment.status === 'final') throw new ReadOnlyError(assessment.title);
    const record = stored ?? emptyRecord(assessmentId);
    const answers: GroupAnswers = { ...record.answers };
    for (const change of changes) {
      if (change.answer === null) delete answers[change.key];
      else answers[change.key] = change.answer;
    }
    await db.groupAnswers.put({ ...record, answers });
    return answers;
  });
}

/** The verdict of a consensus: a level, or another state (N/A with its reason); null clears it. */
export type ConsensusVerdict = Pick<Answer, 'state' | 'level' | 'naReason'> | null;

/**
 * Sets the consensus — the assessment's own answer to one question — with its rationale, keeps
 * the change in the history (when the verdict changed) and refreshes the summary, in one
 * transaction. The answer's other fields (evidence, comment, target …) stay as they are.
 * @example await setConsensus(id, 'privacy', 'dpa', { state: 'level', level: 2 }, 'Law passed, no regulator yet', summarize)
 */
export async function setConsensus(
  assessmentId: string,
  questionnaireId: string,
  questionId: string,
  verdict: ConsensusVerdict,
  rationale: string,
  summarize: Summarize
): Promise<Answer | null> {
  const db = database();
  const key = answerKey(questionnaireId, questionId);
  return db.transaction(
    'rw',
    [db.assessments, db.answers, db.summaries, db.groupAnswers],
    async () => {
      const [assessment, stored, previous, workshop] = await Promise.all([
        db.assessments.get(assessmentId),
        db.answers.get(assessmentId),
        db.summaries.get(assessmentId),
        db.groupAnswers.get(assessmentId)
      ]);
      if (!assessment) throw new NotFoundError('This assessment no longer exists.');
      if (assessment.status === 'final') throw new ReadOnlyError(assessment.title);
      const answers = { ...(stored?.answers ?? {}) };
      const before = answers[key];
      const at = now();
      const trimmed = rationale.trim();
      let after: Answer | null = null;
      if (verdict?.state) {
        const {
          state: _s,
          level: _l,
          option: _o,
          naReason: _n,
          rationale: _r,
          ...kept
        } = before ?? {};
        after = {
          ...kept,
          state: verdict.state,
          ...(verdict.state === 'level' ? { level: verdict.level } : {}),
          ...(verdict.state === 'na' ? { naReason: verdict.naReason } : {}),
          ...(trimmed ? { rationale: trimmed } : {}),
          updatedAt: at
        };
        answers[key] = after;
      } else {
        delete answers[key];
      }
      const change = consensusChange({
        at,
        questionnaireId,
        questionId,
        from: before,
        to: after,
        rationale: trimmed
      });
      const record = workshop ?? emptyRecord(assessmentId);
      const saved: Assessment = { ...assessment, updatedAt: at };
      const summary = summaryRecord(
        saved,
        summarize(answers, saved),
        (previous?.revision ?? 0) + 1
      );
      await Promise.all([
        db.answers.put({ assessmentId, answers }),
        db.assessments.put(saved),
        db.summaries.put(summary),
        change ? db.groupAnswers.put({ ...record, history: [...record.history, change] }) : null
      ]);
      return after;
    }
  );
}

/**
 * Writes an answers CSV into a workshop in one transaction: the consensus rows replace the
 * assessment's answers (each verdict change kept in the history with the row's rationale), the
 * group rows replace those groups' answers, and the summary is refreshed. All or nothing.
 * @example await saveWorkshopImport(id, [{ key: 'privacy/dpa', answer }], [{ key: 'academia/privacy/dpa', answer }], summarize)
 */
export async function saveWorkshopImport(
  assessmentId: string,
  changes: readonly AnswerChange[],
  groupChanges: readonly GroupAnswerChange[],
  summarize: Summarize
): Promise<void> {
  const db = database();
  await db.transaction(
    'rw',
    [db.assessments, db.answers, db.summaries, db.groupAnswers],
    async () => {
      const [assessment, stored, previous, workshop] = await Promise.all([
        db.assessments.get(assessmentId),
        db.answers.get(assessmentId),
        db.summaries.get(assessmentId),
        db.groupAnswers.get(assessmentId)
      ]);
      if (!assessment) throw new NotFoundError('This assessment no longer exists.');
      if (assessment.status === 'final') throw new ReadOnlyError(assessment.title);
      const at = now();
      const answers = { ...(stored?.answers ?? {}) };
      const record = workshop ?? emptyRecord(assessmentId);
      const history = [...record.history];
      for (const { key, answer } of changes) {
        const [questionnaireId = '', questionId = ''] = key.split('/');
        const change = consensusChange({
          at,
          questionnaireId,
          questionId,
          from: answers[key],
          to: answer,
          rationale: answer?.rationale
        });
        if (change) history.push(change);
        if (answer === null) delete answers[key];
        else answers[key] = answer;
      }
      const groupAnswers: GroupAnswers = { ...record.answers };
      for (const { key, answer } of groupChanges) {
        if (answer === null) delete groupAnswers[key];
        else groupAnswers[key] = answer;
      }
      const saved: Assessment = { ...assessment, updatedAt: at };
      const summary = summaryRecord(
        saved,
        summarize(answers, saved),
        (previous?.revision ?? 0) + 1
      );
      await Promise.all([
        db.answers.put({ assessmentId, answers }),
        db.assessments.put(saved),
        db.summaries.put(summary),
        db.groupAnswers.put({ ...record, answers: groupAnswers, history })
      ]);
    }
  );
}

/** Calls `onChange` with the workshop record whenever it changes (in this tab or another). */
export function watchWorkshop(
  assessmentId: string,
  onChange: (record: GroupAnswersRecord) => void
): () => void {
  const subscription = liveQuery(() => database().groupAnswers.get(assessmentId)).subscribe({
    next: (record) => onChange(record ?? emptyRecord(assessmentId)),
    error: (error: unknown) => console.warn('Watching the workshop stopped', error)
  });
  return () => subscription.unsubscribe();
}
