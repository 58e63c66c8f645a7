import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { newGroup, type Group } from '$lib/domain/workshop/groups';
import {
  createAssessment,
  deleteAssessment,
  finaliseAssessment,
  getAnswers,
  getAssessment,
  getSummary
} from './assessments';
import { openDatabase, useDatabase } from './db';
import { uuid } from './uuid';
import { getWorkshop, saveGroupAnswers, saveGroups, setConsensus } from './workshop';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const summarize = summarizerFor([q]);

function twoGroups(): Group[] {
  const gov = newGroup([], { name: 'Ministry', kind: 'government' });
  return [gov, newGroup([gov], { name: 'University', kind: 'academia' })];
}

async function workshop() {
  const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
  await createAssessment(a, [q], summarize);
  await saveGroups(a.id, twoGroups(), false);
  return a;
}

const level = (n: number) => ({ state: 'level' as const, level: n });

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('workshop storage', () => {
  it('keeps the groups on the assessment, in order, with the anonymised choice', async () => {
    const a = await workshop();
    const groups = twoGroups().reverse();
    await saveGroups(a.id, groups, true);
    const stored = await getAssessment(a.id);
    expect(stored?.groups?.map((g) => g.name)).toEqual(['University', 'Ministry']);
    expect(stored?.anonymiseGroups).toBe(true);
  });

  it('refuses a single group, and leaves the stored groups as they were', async () => {
    const a = await workshop();
    await expect(saveGroups(a.id, twoGroups().slice(0, 1), false)).rejects.toThrow(
      /at least 2 groups/
    );
    expect((await getAssessment(a.id))?.groups).toHaveLength(2);
  });

  it('writes two groups answering at once without losing either, and leaves the score alone', async () => {
    const a = await workshop();
    const before = await getSummary(a.id);
    await Promise.all([
      saveGroupAnswers(a.id, [{ key: 'government/q/a', answer: level(2) }]),
      saveGroupAnswers(a.id, [{ key: 'academia/q/a', answer: level(4) }])
    ]);
    expect((await getWorkshop(a.id)).answers).toEqual({
      'government/q/a': level(2),
      'academia/q/a': level(4)
    });
    expect((await getSummary(a.id))?.answered).toBe(before?.answered);
    expect(await getAnswers(a.id)).toEqual({});
  });

  it("drops a removed group's answers with it", async () => {
    const a = await workshop();
    await saveGroupAnswers(a.id, [
      { key: 'government/q/a', answer: level(2) },
      { key: 'academia/q/a', answer: level(4) }
    ]);
    const [gov, uni] = twoGroups();
    const media = newGroup([gov!, uni!], { name: 'Media', kind: 'other' });
    await saveGroups(a.id, [gov!, media], false);
    expect((await getWorkshop(a.id)).answers).toEqual({ 'government/q/a': level(2) });
  });

  it('sets the consensus as the assessment’s own answer, with its rationale, and keeps the history', async () => {
    const a = await workshop();
    await setConsensus(a.id, 'q', 'a', level(2), '  Law passed, no regulator yet ', summarize);
    await setConsensus(a.id, 'q', 'a', level(3), '', summarize);
    expect((await getAnswers(a.id))['q/a']).toMatchObject({ state: 'level', level: 3 });
    expect((await getAnswers(a.id))['q/a']?.rationale).toBeUndefined();
    expect((await getSummary(a.id))?.answered).toBe(1);
    const history = (await getWorkshop(a.id)).history;
    expect(history.map((h) => [h.from?.level ?? null, h.to?.level ?? null, h.rationale])).toEqual([
      [null, 2, 'Law passed, no regulator yet'],
      [2, 3, '']
    ]);
  });

  it('records no history when only the rationale changes', async () => {
    const a = await workshop();
    await setConsensus(a.id, 'q', 'a', level(2), 'First', summarize);
    await setConsensus(a.id, 'q', 'a', level(2), 'Better words', summarize);
    expect((await getAnswers(a.id))['q/a']?.rationale).toBe('Better words');
    expect((await getWorkshop(a.id)).history).toHaveLength(1);
  });

  it('refuses group answers on a final assessment', async () => {
    const a = await workshop();
    await finaliseAssessment(a.id);
    await expect(
      saveGroupAnswers(a.id, [{ key: 'government/q/a', answer: level(2) }])
    ).rejects.toThrow(/read-only/);
  });

  it('deletes the group answers with the assessment', async () => {
    const a = await workshop();
    await saveGroupAnswers(a.id, [{ key: 'government/q/a', answer: level(2) }]);
    await deleteAssessment(a.id);
    expect((await getWorkshop(a.id)).answers).toEqual({});
  });
});
