import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import {
  createAssessment,
  deleteAssessment,
  finaliseAssessment,
  getAnswers,
  getStoredQuestionnaire,
  getSummary,
  listAssessments,
  reopenAssessment,
  saveAnswerEdits,
  saveAnswers,
  updateAssessment
} from './assessments';
import { openDatabase, useDatabase } from './db';
import { uuid } from './uuid';
import { diffAnswer, type AnswerEdit } from '$lib/domain/assessment/merge';
import type { Answer } from '$lib/domain/assessment/model';

const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] }
]);
const summarize = summarizerFor([q]);

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('assessment storage', () => {
  it('creates an assessment with an empty answers record, a summary and the pinned questionnaire', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    expect((await listAssessments()).map((x) => x.id)).toEqual([a.id]);
    expect(await getAnswers(a.id)).toEqual({});
    expect(await getSummary(a.id)).toMatchObject({
      answered: 0,
      total: 4,
      revision: 0,
      country: 'KE'
    });
    expect((await getStoredQuestionnaire('q', '1.0.0'))?.sections[0]?.questions).toHaveLength(4);
  });

  it('updates the summary in the same write as each answer', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    await saveAnswers(a.id, [{ key: 'q/a', answer: { state: 'level', level: 5 } }], summarize);
    const { summary } = await saveAnswers(
      a.id,
      [{ key: 'q/b', answer: { state: 'unknown' } }],
      summarize
    );
    expect(summary).toMatchObject({ answered: 2, revision: 2 });
    expect(summary.overall.score).toBe(1);
    expect(await getSummary(a.id)).toEqual(summary);
  });

  it('loses nothing when many answers are written at once (as from two tabs)', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id, i) =>
        saveAnswers(a.id, [{ key: `q/${id}`, answer: { state: 'level', level: i + 1 } }], summarize)
      )
    );
    expect(Object.keys(await getAnswers(a.id)).sort()).toEqual(['q/a', 'q/b', 'q/c', 'q/d']);
    expect(await getSummary(a.id)).toMatchObject({ answered: 4, revision: 4 });
  });

  it('removes an answer when it is cleared', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    await saveAnswers(a.id, [{ key: 'q/a', answer: { state: 'level', level: 2 } }], summarize);
    await saveAnswers(a.id, [{ key: 'q/a', answer: null }], summarize);
    expect(await getAnswers(a.id)).toEqual({});
  });

  it('refuses answers to a final assessment until it is reopened with a reason', async () => {
    const a = makeAssessment({ title: 'Kenya 2026' });
    await createAssessment(a, [q], summarize);
    await finaliseAssessment(a.id);
    await expect(
      saveAnswers(a.id, [{ key: 'q/a', answer: { state: 'unknown' } }], summarize)
    ).rejects.toThrow('"Kenya 2026" is final and read-only');
    await expect(reopenAssessment(a.id, '  ')).rejects.toThrow('Give a reason');
    const reopened = await reopenAssessment(a.id, 'New law passed');
    expect(reopened.status).toBe('draft');
    expect(reopened.reopenings.map((r) => r.reason)).toEqual(['New law passed']);
    await saveAnswers(a.id, [{ key: 'q/a', answer: { state: 'unknown' } }], summarize);
    expect(await getAnswers(a.id)).toEqual({ 'q/a': { state: 'unknown' } });
  });

  it('recomputes target scores when the assessment target changes', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    await saveAnswers(a.id, [{ key: 'q/a', answer: { state: 'level', level: 1 } }], summarize);
    expect((await getSummary(a.id))?.overall.targetScore).toBe(0.5); // default target 3 → (3−1)/4
    await updateAssessment({ ...a, target: 5 }, summarize);
    expect((await getSummary(a.id))?.overall.targetScore).toBe(1);
  });

  it('deletes the assessment, its answers and its summary together', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    await deleteAssessment(a.id);
    expect(await listAssessments()).toEqual([]);
    expect(await getSummary(a.id)).toBeUndefined();
    expect(await getAnswers(a.id)).toEqual({});
  });
});

describe('uuid', () => {
  it('makes RFC 4122 version 4 identifiers without crypto.randomUUID', () => {
    const ids = new Set(Array.from({ length: 200 }, uuid));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('merges field edits of two tabs into one answer and reports a field both changed', async () => {
    const a = makeAssessment();
    await createAssessment(a, [q], summarize);
    const at = new Date().toISOString();
    const change = (before: Answer | undefined, after: Answer) =>
      diffAnswer('q/a', before, after, at) as AnswerEdit;
    // Tab one started typing evidence on an empty answer; tab two stored a level first.
    await saveAnswerEdits(a.id, [change(undefined, { state: 'level', level: 3 })], summarize);
    const first = await saveAnswerEdits(a.id, [change(undefined, { evidence: 'Act' })], summarize);
    expect(first.conflicts).toEqual([]);
    expect(await getAnswers(a.id)).toMatchObject({
      'q/a': { state: 'level', level: 3, evidence: 'Act' }
    });
    expect((await getSummary(a.id))?.answered).toBe(1);
    // Both tabs then change the evidence starting from "Act".
    await saveAnswerEdits(a.id, [change({ evidence: 'Act' }, { evidence: 'Theirs' })], summarize);
    const second = await saveAnswerEdits(
      a.id,
      [change({ evidence: 'Act' }, { evidence: 'Mine' })],
      summarize
    );
    expect(second.conflicts).toEqual([
      { key: 'q/a', group: 'evidence', theirs: { evidence: 'Theirs' } }
    ]);
    expect((await getAnswers(a.id))['q/a']).toMatchObject({ level: 3, evidence: 'Mine' });
  });
});
