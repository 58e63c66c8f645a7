import { beforeEach, describe, expect, it } from 'vitest';
import type { FieldValues } from '$lib/domain/assessment/merge';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { newGroup, type Group } from '$lib/domain/workshop/groups';
import {
  createAssessment,
  finaliseAssessment,
  getAnswers,
  getSummary,
  saveAnswerEdits
} from './assessments';
import { database, openDatabase, useDatabase } from './db';
import { uuid } from './uuid';
import { getWorkshop, saveGroups, saveWorkshopImport } from './workshop';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const summarize = summarizerFor([q]);
const AT = '2026-12-01T10:00:00.000Z';
const level = (n: number) => ({ state: 'level' as const, level: n });

function twoGroups(): Group[] {
  const gov = newGroup([], { name: 'Ministry', kind: 'government' });
  return [gov, newGroup([gov], { name: 'University', kind: 'academia' })];
}

async function assessment(groups: Group[]) {
  const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
  await createAssessment(a, [q], summarize);
  if (groups.length > 0) await saveGroups(a.id, groups, false);
  return a;
}

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('consensus history beyond "set consensus"', () => {
  it('keeps a level picked on the question card of a workshop, and only when the verdict changes', async () => {
    const a = await assessment(twoGroups());
    const edit = (set: FieldValues, base: FieldValues) => ({ key: 'q/a', set, base, at: AT });
    await saveAnswerEdits(a.id, [edit({ state: 'level', level: 2 }, {})], summarize);
    await saveAnswerEdits(a.id, [edit({ comment: 'Noted' }, { comment: null })], summarize);
    await saveAnswerEdits(
      a.id,
      [edit({ state: 'level', level: 4 }, { state: 'level', level: 2 })],
      summarize
    );
    const { history } = await getWorkshop(a.id);
    expect(history.map((c) => [c.from?.level ?? null, c.to?.level ?? null, c.rationale])).toEqual([
      [null, 2, ''],
      [2, 4, '']
    ]);
  });

  it('writes nothing workshop-like for a desk review', async () => {
    const a = await assessment([]);
    await saveAnswerEdits(
      a.id,
      [{ key: 'q/a', base: {}, set: { state: 'level', level: 2 }, at: AT }],
      summarize
    );
    expect(await database().groupAnswers.get(a.id)).toBeUndefined();
  });

  it('imports consensus, its history and group answers together; the score follows the consensus only', async () => {
    const a = await assessment(twoGroups());
    await saveWorkshopImport(
      a.id,
      [{ key: 'q/a', answer: { ...level(3), rationale: 'Law in force' } }],
      [
        { key: 'government/q/a', answer: level(5) },
        { key: 'academia/q/b', answer: level(1) }
      ],
      summarize
    );
    expect((await getAnswers(a.id))['q/a']).toEqual({ ...level(3), rationale: 'Law in force' });
    const stored = await getWorkshop(a.id);
    expect(Object.keys(stored.answers)).toEqual(['government/q/a', 'academia/q/b']);
    expect(stored.history.map((c) => [c.to?.level, c.rationale])).toEqual([[3, 'Law in force']]);
    // One of two questions answered at level 3 of 1–5: 50 %, whatever the groups said.
    expect((await getSummary(a.id))?.overall.score).toBeCloseTo(0.5);
  });

  it('writes nothing into a final assessment', async () => {
    const a = await assessment(twoGroups());
    await finaliseAssessment(a.id);
    await expect(
      saveWorkshopImport(
        a.id,
        [{ key: 'q/a', answer: level(3) }],
        [{ key: 'government/q/a', answer: level(5) }],
        summarize
      )
    ).rejects.toThrow();
    expect(await getAnswers(a.id)).toEqual({});
    expect((await getWorkshop(a.id)).answers).toEqual({});
  });
});
