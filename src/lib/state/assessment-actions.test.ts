import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { createAssessment } from '$lib/storage/assessments';
import { openDatabase, useDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { AnswerSession } from './answer-session.svelte';
import { loadResults } from './assessment-actions';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('loadResults', () => {
  it('reads the answers the answer screen has not written yet', async () => {
    const assessment = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(assessment, [q], summarizerFor([q]), {});
    const session = new AnswerSession(assessment, [q], {});
    session.setLevel('q', q.sections[0]!.questions[0]!, 4);
    // Typing waits for a pause before it is written: the results must not miss it.
    session.setText('q', 'b', 'comment', 'Agreed in the workshop');

    const loaded = await loadResults(assessment.id);

    expect(loaded?.answers).toMatchObject({
      'q/a': { state: 'level', level: 4 },
      'q/b': { comment: 'Agreed in the workshop' }
    });
    expect(session.status).toBe('saved');
  });

  it('is null for an assessment that is not in this browser', async () => {
    expect(await loadResults('missing')).toBeNull();
  });
});
