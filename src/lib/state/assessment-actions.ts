/**
 * What the assessment screens do, as plain functions: they load questionnaires, build the
 * assessment and hand plain (snapshotted) data to storage.
 */
import { finaliseCheck, type FinaliseCheck } from '$lib/domain/assessment/progress';
import { applyDraft, type AssessmentDraft } from '$lib/domain/assessment/draft';
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { copyForConfirmation } from '$lib/domain/assessment/copy';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { scopedQuestionnaires } from '$lib/domain/questionnaire/core';
import * as store from '$lib/storage/assessments';
import { flushAnswers } from './answer-session.svelte';
import { requestPersistence } from '$lib/storage/persistence';
import { uuid } from '$lib/storage/uuid';
import { availableQuestionnaires, loadAllPinned, loadShipped } from '$lib/state/questionnaires';
import { getStoredQuestionnaire } from '$lib/storage/assessments';
import { textsFor } from './assessment-text';

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function resolveQuestionnaire(id: string, version: string): Promise<Questionnaire> {
  const shipped = loadShipped(id, version);
  if (shipped) return shipped;
  const stored = await getStoredQuestionnaire(id, version);
  if (!stored) {
    throw new Error(`Questionnaire "${id}" ${version} is not available in this browser.`);
  }
  return stored;
}

async function currentVersions(): Promise<Record<string, string>> {
  return Object.fromEntries((await availableQuestionnaires()).map((q) => [q.id, q.version]));
}

/**
 * Creates an assessment from the form and asks the browser to keep its data. With `previousId`
 * the earlier assessment's answers are carried over, each marked to confirm, and its open actions
 * are carried into the new plan.
 */
export async function createAssessment(
  draft: AssessmentDraft,
  previousId?: string
): Promise<Assessment> {
  const now = new Date().toISOString();
  const assessment = applyDraft(
    { id: uuid(), status: 'draft', reopenings: [], createdAt: now, updatedAt: now },
    plain(draft),
    await currentVersions()
  );
  const questionnaires = await Promise.all(
    assessment.questionnaires.map((p) => resolveQuestionnaire(p.id, p.version))
  );
  let answers: AnswerMap = {};
  if (previousId) {
    assessment.previousId = previousId;
    answers = copyForConfirmation(await store.getAnswers(previousId), questionnaires);
  }
  await store.createAssessment(
    assessment,
    questionnaires,
    summarizerFor(questionnaires),
    answers,
    previousId ? { previousId, makeId: uuid } : undefined
  );
  // Asked after the first assessment exists, when the request is meaningful to the user.
  void requestPersistence();
  return assessment;
}

/** Saves the form's changes to an existing assessment. */
export async function saveAssessment(
  current: Assessment,
  draft: AssessmentDraft
): Promise<Assessment> {
  const next = applyDraft(plain(current), plain(draft), await currentVersions());
  const questionnaires = await Promise.all(
    next.questionnaires.map((p) => resolveQuestionnaire(p.id, p.version))
  );
  return store.updateAssessment(next, summarizerFor(questionnaires), questionnaires);
}

export async function loadForAnswering(id: string) {
  const assessment = await store.getAssessment(id);
  if (!assessment) return null;
  const [answers, questionnaires] = await Promise.all([
    store.getAnswers(id),
    loadAllPinned(assessment.questionnaires)
  ]);
  // A core assessment sees its core questions only, on every screen and in every export (rule 12).
  const english = scopedQuestionnaires(questionnaires, assessment.scope);
  const texts = await textsFor(assessment, english);
  return {
    assessment,
    answers,
    /**
     * With their text in the assessment's language (docs/languages.md, "An assessment's
     * language"): what the screens, the reports and the answers CSV show. Ids, weights and
     * scale values are the pinned version's, so every score is the same in every language.
     */
    questionnaires: texts.map((t) => t.questionnaire),
    /** The same, each with the strings that fell back to English, for the screens to mark. */
    texts,
    /** As pinned, in English: the results CSV is a machine format, the same in every language. */
    english
  };
}

/**
 * What the results screen reads: like `loadForAnswering`, after every answer change this tab
 * started for the assessment has been written.
 */
export async function loadResults(id: string) {
  await flushAnswers(id);
  return loadForAnswering(id);
}

/** What the finalise dialog lists: unanswered, don't know, flagged and provisional. */
export async function checkBeforeFinalise(id: string): Promise<FinaliseCheck | null> {
  const loaded = await loadResults(id);
  if (!loaded) return null;
  return finaliseCheck(loaded.questionnaires, loaded.answers, loaded.assessment.target);
}

export const finaliseAssessment = store.finaliseAssessment;
export const reopenAssessment = store.reopenAssessment;
export const deleteAssessment = store.deleteAssessment;
