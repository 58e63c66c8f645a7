/**
 * Comparing workshops (docs/workshop.md, "Comparing two workshops"): every compared figure uses
 * the consensus only, whatever the groups answered; the item diff carries the groups' answers
 * to show beside it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '$lib/domain/assessment/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { groupsComparable } from '$lib/domain/comparison/group-diff';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import type { Group } from '$lib/domain/workshop/groups';
import { createAssessment } from '$lib/storage/assessments';
import { database, openDatabase, useDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { saveGroupAnswers, saveGroups } from '$lib/storage/workshop';
import { loadCompareData } from './compare-data';
import { loadDiff } from './diff-load';

const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b' }, { id: 'c', type: 'binary' }] }
]);
const level = (value: Answer['level']): Answer => ({ state: 'level', level: value! });
const consensus = { 'q/a': level(3), 'q/b': level(2), 'q/c': level('partial') };
const groups: Group[] = [
  { id: 'government', name: 'Ministry of ICT', kind: 'government', observer: false },
  { id: 'academia', name: 'University', kind: 'academia', observer: false }
];

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

async function workshop(country: string) {
  const a = makeAssessment({ country, questionnaires: [{ id: 'q', version: '1.0.0' }] });
  await createAssessment(a, [q], summarizerFor([q]), consensus);
  await saveGroups(a.id, groups, country === 'KE');
  return a;
}

/** Every figure the comparison screens read, with the summaries computed again from storage. */
async function figures() {
  await database().summaries.clear();
  const data = await loadCompareData();
  expect(data.recomputed).toBe(data.entries.length);
  return data.entries
    .map(({ updatedAt: _u, ...entry }) => entry)
    .sort((x, y) => x.id.localeCompare(y.id));
}

describe('comparing workshops', () => {
  it('never lets the groups’ answers change a compared figure', async () => {
    const ke = await workshop('KE');
    const ug = await workshop('UG');
    const before = await figures();
    expect(before[0]!.questionnaires[0]!.score).not.toBeNull();

    // The groups answer far from the consensus, leave nothing unanswered and disagree.
    for (const [a, low] of [
      [ke, true],
      [ug, false]
    ] as const) {
      await saveGroupAnswers(a.id, [
        { key: 'government/q/a', answer: level(low ? 1 : 5) },
        { key: 'academia/q/a', answer: { state: 'na', naReason: 'not our field' } },
        { key: 'government/q/b', answer: level(5) },
        { key: 'academia/q/b', answer: { state: 'unknown' } },
        { key: 'government/q/c', answer: level('yes') },
        { key: 'academia/q/c', answer: level('no') }
      ]);
    }
    // The summaries cached at each write, and those computed again, are the same figures.
    const cached = await loadCompareData();
    expect(cached.recomputed).toBe(0);
    expect(
      cached.entries
        .map(({ updatedAt: _u, ...entry }) => entry)
        .sort((x, y) => x.id.localeCompare(y.id))
    ).toEqual(before);
    expect(await figures()).toEqual(before);
  });

  it('gives the item diff each workshop’s groups and their answers', async () => {
    const ke = await workshop('KE');
    const ug = await workshop('UG');
    const desk = makeAssessment({ country: 'FJ', questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(desk, [q], summarizerFor([q]), consensus);
    await saveGroupAnswers(ke.id, [{ key: 'academia/q/a', answer: level(4) }]);

    // A workshop whose groups have not answered yet: nothing to show beside the consensus.
    const early = (await loadDiff(ke.id, ug.id))!;
    expect(early.groupsAfter).toEqual({ groups, anonymise: false, answers: {} });
    expect(groupsComparable(early.groupsBefore, early.groupsAfter)).toBe(false);

    await saveGroupAnswers(ug.id, [{ key: 'government/q/b', answer: level(1) }]);
    const both = (await loadDiff(ke.id, ug.id))!;
    expect(both.groupsBefore).toEqual({
      groups,
      anonymise: true,
      answers: { 'academia/q/a': level(4) }
    });
    expect(groupsComparable(both.groupsBefore, both.groupsAfter)).toBe(true);

    const withDesk = (await loadDiff(desk.id, ke.id))!;
    expect(withDesk.groupsBefore).toBeNull();
    expect(groupsComparable(withDesk.groupsBefore, withDesk.groupsAfter)).toBe(false);
  });
});
