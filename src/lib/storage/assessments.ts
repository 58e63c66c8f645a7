/**
 * Repository for assessments, their answers and their cached summaries. Each change that
 * touches more than one table runs in one transaction, so a summary never disagrees with the
 * answers it describes, even with two tabs writing (docs/architecture.md, "Storage shape").
 */
import { liveQuery } from 'dexie';
import type { Answer, AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { mergeAnswer, type AnswerEdit, type FieldConflict } from '$lib/domain/assessment/merge';
import { consensusChange } from '$lib/domain/workshop/consensus-change';
import { database, questionnaireKey, type NcsDatabase, type SummaryRecord } from './db';
import { carryActionsInto, releaseCarriedTo } from './action-links';

/** Computes the cached figures from answers; pure, so it may run inside a transaction. */
export type Summarize = (answers: AnswerMap, assessment: Assessment) => SummaryFigures;

export class ReadOnlyError extends Error {
  constructor(readonly title: string) {
    super(`"${title}" is final and read-only. Reopen it (with a reason) to change answers.`);
  }
}

export class NotFoundError extends Error {}

function now(): string {
  return new Date().toISOString();
}

/**
 * Stores the questionnaire versions an assessment pins, unless already stored, so its scores
 * survive later changes to the built-in files. Call inside a transaction on `questionnaires`.
 */
async function pinQuestionnaires(
  db: NcsDatabase,
  questionnaires: readonly Questionnaire[]
): Promise<void> {
  for (const q of questionnaires) {
    const key = questionnaireKey(q.id, q.version);
    if (!(await db.questionnaires.get(key))) {
      await db.questionnaires.put({
        key,
        id: q.id,
        version: q.version,
        source: 'builtin',
        content: q,
        storedAt: now()
      });
    }
  }
}

/** The cached summary record of an assessment; shared with the importers (transfer.ts). */
export function summaryRecord(
  assessment: Assessment,
  figures: SummaryFigures,
  revision: number
): SummaryRecord {
  return {
    assessmentId: assessment.id,
    country: assessment.country,
    date: assessment.date,
    revision,
    updatedAt: assessment.updatedAt,
    ...figures
  };
}

/** Carrying the plan of a previous assessment: its id and how to name the copies. */
export interface CarryFrom {
  previousId: string;
  makeId: () => string;
}

/**
 * Stores a new assessment with an answers record (empty or copied) and its summary, and the
 * questionnaire versions it pins, in one transaction. With `carry`, the previous assessment's
 * open actions are carried into it in the same transaction (see `carryActionsInto`).
 */
export async function createAssessment(
  assessment: Assessment,
  questionnaires: readonly Questionnaire[],
  summarize: Summarize,
  answers: AnswerMap = {},
  carry?: CarryFrom
): Promise<void> {
  const db = database();
  await db.transaction(
    'rw',
    [db.assessments, db.answers, db.summaries, db.questionnaires, db.actions],
    async () => {
      await pinQuestionnaires(db, questionnaires);
      await db.assessments.add(assessment);
      await db.answers.put({ assessmentId: assessment.id, answers });
      await db.summaries.put(summaryRecord(assessment, summarize(answers, assessment), 0));
      if (carry) {
        await carryActionsInto(
          db,
          assessment.id,
          carry.previousId,
          questionnaires,
          assessment.createdAt,
          carry.makeId
        );
      }
    }
  );
}

export async function listAssessments(): Promise<Assessment[]> {
  return database().assessments.toArray();
}

export async function listSummaries(): Promise<SummaryRecord[]> {
  return database().summaries.toArray();
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return database().assessments.get(id);
}

export async function getAnswers(id: string): Promise<AnswerMap> {
  return (await database().answers.get(id))?.answers ?? {};
}

export async function getSummary(id: string): Promise<SummaryRecord | undefined> {
  return database().summaries.get(id);
}

/**
 * Saves the assessment's metadata and recomputes its summary (the target changes target scores).
 * Refuses a final assessment unless the change is the status change itself.
 */
export async function updateAssessment(
  next: Assessment,
  summarize: Summarize,
  questionnaires: readonly Questionnaire[] = []
): Promise<Assessment> {
  const db = database();
  return db.transaction(
    'rw',
    [db.assessments, db.answers, db.summaries, db.questionnaires],
    async () => {
      const current = await db.assessments.get(next.id);
      if (!current) throw new NotFoundError('This assessment no longer exists.');
      if (current.status === 'final' && next.status === 'final') {
        throw new ReadOnlyError(current.title);
      }
      await pinQuestionnaires(db, questionnaires);
      // A workshop's groups change only through saveGroups (storage/workshop.ts), which drops
      // a removed group's answers with it; a details form never carries them.
      const saved: Assessment = {
        ...next,
        groups: current.groups,
        anonymiseGroups: current.anonymiseGroups,
        updatedAt: now()
      };
      if (saved.groups === undefined) delete saved.groups;
      if (saved.anonymiseGroups === undefined) delete saved.anonymiseGroups;
      await db.assessments.put(saved);
      const answers = (await db.answers.get(next.id))?.answers ?? {};
      const previous = await db.summaries.get(next.id);
      await db.summaries.put(
        summaryRecord(saved, summarize(answers, saved), (previous?.revision ?? 0) + 1)
      );
      return saved;
    }
  );
}

/** Marks final (read-only). */
export async function finaliseAssessment(id: string): Promise<Assessment> {
  const db = database();
  return db.transaction('rw', [db.assessments, db.summaries], async () => {
    const current = await db.assessments.get(id);
    if (!current) throw new NotFoundError('This assessment no longer exists.');
    const saved: Assessment = { ...current, status: 'final', updatedAt: now() };
    await db.assessments.put(saved);
    await db.summaries.update(id, { updatedAt: saved.updatedAt });
    return saved;
  });
}

/** Reopens a final assessment; the reason is kept with the assessment. */
export async function reopenAssessment(id: string, reason: string): Promise<Assessment> {
  const trimmed = reason.trim();
  if (!trimmed) throw new Error('Give a reason for reopening: it is recorded with the assessment.');
  const db = database();
  return db.transaction('rw', [db.assessments, db.summaries], async () => {
    const current = await db.assessments.get(id);
    if (!current) throw new NotFoundError('This assessment no longer exists.');
    const at = now();
    const saved: Assessment = {
      ...current,
      status: 'draft',
      reopenings: [...current.reopenings, { at, reason: trimmed }],
      updatedAt: at
    };
    await db.assessments.put(saved);
    await db.summaries.update(id, { updatedAt: at });
    return saved;
  });
}

export async function deleteAssessment(id: string): Promise<void> {
  const db = database();
  await db.transaction(
    'rw',
    [db.assessments, db.answers, db.summaries, db.actions, db.groupAnswers],
    async () => {
      await db.assessments.delete(id);
      await db.answers.delete(id);
      await db.summaries.delete(id);
      await db.actions.delete(id);
      await db.groupAnswers.delete(id);
      await releaseCarriedTo(db, id);
    }
  );
}

export interface AnswerChange {
  /** `questionnaireId/questionId`. */
  key: string;
  /** The new answer; null removes it (back to unanswered). */
  answer: Answer | null;
}

/**
 * Applies answer changes as keyed updates of the one answers record and refreshes the summary,
 * atomically: a second tab writing another answer at the same time loses nothing, because each
 * transaction reads the record it changes. Returns the stored answers and summary.
 */
export async function saveAnswers(
  assessmentId: string,
  changes: readonly AnswerChange[],
  summarize: Summarize
): Promise<{ answers: AnswerMap; summary: SummaryRecord }> {
  const db = database();
  return db.transaction('rw', [db.assessments, db.answers, db.summaries], async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) throw new NotFoundError('This assessment no longer exists.');
    if (assessment.status === 'final') throw new ReadOnlyError(assessment.title);
    const record = (await db.answers.get(assessmentId)) ?? { assessmentId, answers: {} };
    const answers: AnswerMap = { ...record.answers };
    for (const change of changes) {
      if (change.answer === null) delete answers[change.key];
      else answers[change.key] = change.answer;
    }
    const updatedAt = now();
    const saved: Assessment = { ...assessment, updatedAt };
    await db.answers.put({ assessmentId, answers });
    await db.assessments.put(saved);
    const previous = await db.summaries.get(assessmentId);
    const summary = summaryRecord(saved, summarize(answers, saved), (previous?.revision ?? 0) + 1);
    await db.summaries.put(summary);
    return { answers, summary };
  });
}

/**
 * Applies field-level edits from the answer screen, merged into the answers as stored now, and
 * refreshes the summary, in one transaction. Another tab's change to other fields of the same
 * answer is kept; a field both changed keeps this edit, and the replaced value is returned as a
 * conflict for the screen to offer back (docs/architecture.md, "Two tabs and unsaved changes").
 */
export async function saveAnswerEdits(
  assessmentId: string,
  edits: readonly AnswerEdit[],
  summarize: Summarize
): Promise<{ answers: AnswerMap; conflicts: FieldConflict[] }> {
  const db = database();
  const stores = [db.assessments, db.answers, db.summaries, db.groupAnswers];
  return db.transaction('rw', stores, async () => {
    // The three reads go out together and the three writes too: each await is a round trip to
    // the database, and a level click waits for this whole transaction (docs/performance.md).
    const [assessment, stored, previous] = await Promise.all([
      db.assessments.get(assessmentId),
      db.answers.get(assessmentId),
      db.summaries.get(assessmentId)
    ]);
    if (!assessment) throw new NotFoundError('This assessment no longer exists.');
    if (assessment.status === 'final') throw new ReadOnlyError(assessment.title);
    const record = stored ?? { assessmentId, answers: {} };
    const answers: AnswerMap = { ...record.answers };
    const conflicts: FieldConflict[] = [];
    for (const edit of edits) {
      const merged = mergeAnswer(answers[edit.key], edit);
      if (merged.answer) answers[edit.key] = merged.answer;
      else delete answers[edit.key];
      conflicts.push(...merged.conflicts);
    }
    const updatedAt = now();
    const saved: Assessment = { ...assessment, updatedAt };
    const summary = summaryRecord(saved, summarize(answers, saved), (previous?.revision ?? 0) + 1);
    // A workshop keeps every change of its consensus, also one picked on the question card
    // (docs/architecture.md, "Workshops"); a desk review reads nothing more.
    const history = assessment.groups?.length
      ? [...new Set(edits.map((e) => e.key))].flatMap((key) => {
          const [questionnaireId = '', questionId = ''] = key.split('/');
          const change = consensusChange({
            at: updatedAt,
            questionnaireId,
            questionId,
            from: record.answers[key],
            to: answers[key]
          });
          return change ? [change] : [];
        })
      : [];
    await Promise.all([
      db.answers.put({ assessmentId, answers }),
      db.assessments.put(saved),
      db.summaries.put(summary),
      history.length > 0
        ? db.groupAnswers.get(assessmentId).then((workshop) =>
            db.groupAnswers.put({
              assessmentId,
              answers: workshop?.answers ?? {},
              history: [...(workshop?.history ?? []), ...history]
            })
          )
        : null
    ]);
    return { answers, conflicts };
  });
}

/** The questionnaire versions stored in this browser (pinned by assessments or imported). */
export async function getStoredQuestionnaire(
  id: string,
  version: string
): Promise<Questionnaire | undefined> {
  return (await database().questionnaires.get(questionnaireKey(id, version)))?.content;
}

export async function listStoredQuestionnaires() {
  return database().questionnaires.toArray();
}

/**
 * Calls back with the stored answers whenever they change — in this tab or in another one
 * (Dexie broadcasts its changes between tabs). Returns the function that stops watching.
 */
export function watchAnswers(id: string, onChange: (answers: AnswerMap) => void): () => void {
  const subscription = liveQuery(() => database().answers.get(id)).subscribe({
    next: (record) => onChange(record?.answers ?? {}),
    error: (error: unknown) => console.warn('Watching answers stopped', error)
  });
  return () => subscription.unsubscribe();
}
