import { beforeEach, describe, expect, it } from 'vitest';
import { newAction, type Action } from '$lib/domain/actions/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { getActions, listAllActions, putActions, updateAction } from './actions';
import { createAssessment, deleteAssessment } from './assessments';
import { openDatabase, useDatabase } from './db';
import { uuid } from './uuid';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const q2 = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }], { version: '2.0.0' });
const summarize = summarizerFor([q]);
const NOW = '2027-01-10T10:00:00.000Z';

function action(assessmentId: string, fields: Partial<Action> = {}): Action {
  return newAction({ id: uuid(), assessmentId, title: 'Act', priority: 'high', ...fields }, NOW);
}

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('action plan storage', () => {
  it('adds new actions, replaces those with a known id, and never deletes one', async () => {
    const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(a, [q], summarize);
    const [one, two] = [action(a.id, { title: 'One' }), action(a.id, { title: 'Two' })];
    await putActions(a.id, [one, two]);
    await putActions(a.id, [{ ...two, owner: 'CSIRT' }, action(a.id, { title: 'Three' })]);
    const stored = await getActions(a.id);
    expect(stored.map((x) => x.title)).toEqual(['One', 'Two', 'Three']);
    expect(stored[1]!.owner).toBe('CSIRT');
  });

  it('refuses a plan for an assessment that is not stored', async () => {
    await expect(putActions('nowhere', [action('nowhere')])).rejects.toThrow();
    expect(await listAllActions()).toEqual([]);
  });

  it('changes one action from its stored version, so two edits both stay', async () => {
    const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(a, [q], summarize);
    const x = action(a.id);
    await putActions(a.id, [x]);
    await Promise.all([
      updateAction(a.id, x.id, (s) => ({ ...s, owner: 'Ministry' })),
      updateAction(a.id, x.id, (s) => ({ ...s, due: '2027-06-30' }))
    ]);
    expect(await getActions(a.id)).toMatchObject([{ owner: 'Ministry', due: '2027-06-30' }]);
  });

  it('carries open actions into an assessment started from this one, in the same write', async () => {
    const before = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(before, [q], summarize);
    const open = action(before.id, {
      questionnaireId: 'q',
      questionId: 'b',
      status: 'in-progress'
    });
    const linked = action(before.id, { questionnaireId: 'q', questionId: 'a' });
    const done = action(before.id, { status: 'done', doneOn: '2027-01-05' });
    await putActions(before.id, [open, linked, done]);

    const after = makeAssessment({
      questionnaires: [{ id: 'q', version: '2.0.0' }],
      previousId: before.id
    });
    await createAssessment(
      after,
      [q2],
      summarizerFor([q2]),
      {},
      {
        previousId: before.id,
        makeId: uuid
      }
    );
    const copies = await getActions(after.id);
    expect(copies).toHaveLength(2);
    expect(copies[0]).toMatchObject({ status: 'in-progress', assessmentId: after.id });
    // Question b is gone from version 2: the link goes, the action stays.
    expect(copies[0]!.questionId).toBeUndefined();
    expect(copies[1]).toMatchObject({ questionnaireId: 'q', questionId: 'a' });
    const old = await getActions(before.id);
    expect(old.map((x) => x.carriedTo)).toEqual([after.id, after.id, undefined]);

    // Deleting the later assessment reopens the old copies where they are.
    await deleteAssessment(after.id);
    expect((await getActions(before.id)).map((x) => x.carriedTo)).toEqual([
      undefined,
      undefined,
      undefined
    ]);
    expect(await getActions(after.id)).toEqual([]);
  });
});
