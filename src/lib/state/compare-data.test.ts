import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { createAssessment } from '$lib/storage/assessments';
import { database, openDatabase, useDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { SCORING_RULES_VERSION } from '$lib/domain/scoring/rules-version';
import { loadCompareData, summaryMatches, type LoadProgress } from './compare-data';

const q1 = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const q2 = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }], {
  version: '2.0.0',
  title: 'Questionnaire q, second edition'
});
// Level 5 and level 1: score (1 + 0) / 2 = 0.5 under either version.
const answers = {
  'q/a': { state: 'level' as const, level: 5 },
  'q/b': { state: 'level' as const, level: 1 }
};

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('summaryMatches', () => {
  const pins = { questionnaires: [{ id: 'q', version: '1.0.0' }] };
  const cached = (id: string, version: string) => ({
    rules: SCORING_RULES_VERSION,
    questionnaires: [
      {
        id,
        version,
        score: null,
        targetScore: null,
        stage: null,
        completion: 0,
        coverage: 0,
        provisional: false
      }
    ]
  });

  it('accepts a summary of exactly the pinned versions', () => {
    expect(summaryMatches(pins, cached('q', '1.0.0'))).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['another version', cached('q', '2.0.0')],
    ['another questionnaire', cached('p', '1.0.0')],
    ['fewer questionnaires', { questionnaires: [] }],
    ['computed with other scoring rules', { ...cached('q', '1.0.0'), rules: 0 }],
    ['from before summaries recorded their rules', { ...cached('q', '1.0.0'), rules: undefined }]
  ])('refuses a summary that is %s', (_name, summary) => {
    expect(summaryMatches(pins, summary)).toBe(false);
  });
});

describe('loadCompareData', () => {
  it('reads a matching summary as it is and never the answers behind it', async () => {
    const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(a, [q1], summarizerFor([q1]), answers);
    // Answers changed behind the summary's back: a cache hit must not notice.
    await database().answers.put({ assessmentId: a.id, answers: {} });
    const data = await loadCompareData();
    expect(data.recomputed).toBe(0);
    expect(data.entries).toHaveLength(1);
    expect(data.entries[0]!.questionnaires[0]!.score).toBe(0.5);
    expect(data.entries[0]!.answered).toBe(2);
  });

  it('computes from the answers when the summary is missing or for other versions', async () => {
    const missing = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    const stale = makeAssessment({ questionnaires: [{ id: 'q', version: '2.0.0' }] });
    await createAssessment(missing, [q1], summarizerFor([q1]), answers);
    await createAssessment(stale, [q2], summarizerFor([q2]), answers);
    await database().summaries.delete(missing.id);
    // A summary left from before the assessment moved to version 2.0.0.
    const old = (await database().summaries.get(stale.id))!;
    await database().summaries.put({
      ...old,
      questionnaires: old.questionnaires.map((c) => ({ ...c, version: '1.0.0', score: 0.9 }))
    });

    const steps: LoadProgress[] = [];
    const data = await loadCompareData((p) => steps.push(p));
    expect(data.recomputed).toBe(2);
    const byId = new Map(data.entries.map((e) => [e.id, e]));
    expect(byId.get(missing.id)!.questionnaires).toMatchObject([{ version: '1.0.0', score: 0.5 }]);
    expect(byId.get(stale.id)!.questionnaires).toMatchObject([{ version: '2.0.0', score: 0.5 }]);
    expect(data.titles).toEqual({ q: 'Questionnaire q, second edition' });
    expect(steps[0]).toEqual({ stage: 'reading', done: 0, total: 0 });
    expect(steps.at(-1)).toEqual({ stage: 'computing', done: 2, total: 2 });
  });

  it('computes again, and stores, a summary made with other scoring rules (issue 12)', async () => {
    const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(a, [q1], summarizerFor([q1]), answers);
    const old = (await database().summaries.get(a.id))!;
    // A summary from earlier rules, or one a file stated: 95.3 where the answers give 50.0.
    const { rules: _rules, ...withoutRules } = old;
    await database().summaries.put({
      ...withoutRules,
      overall: { ...old.overall, score: 0.953 }
    } as typeof old);

    const data = await loadCompareData();
    expect(data.recomputed).toBe(1);
    expect(data.entries[0]!.questionnaires[0]!.score).toBe(0.5);
    // Stored, so the next comparison reads it from the cache.
    expect(await database().summaries.get(a.id)).toEqual(old);
    expect((await loadCompareData()).recomputed).toBe(0);
  });

  it('leaves out, with the reason, an assessment whose questionnaire version is not here', async () => {
    const a = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
    await createAssessment(a, [q1], summarizerFor([q1]), answers);
    await database().summaries.delete(a.id);
    await database().questionnaires.clear();
    const data = await loadCompareData();
    expect(data.entries).toEqual([]);
    expect(data.unavailable).toEqual([
      {
        id: a.id,
        country: 'KE',
        title: a.title,
        message: expect.stringContaining('Questionnaire "q" version 1.0.0 is not in this browser')
      }
    ]);
  });

  it('carries what the screens need beside the figures', async () => {
    const a = makeAssessment({
      classification: 'RED',
      status: 'final',
      provenance: {
        mode: 'validated',
        participants: [],
        facilitator: '',
        validatedBy: 'CTO',
        validatedOn: '2026-10-01'
      }
    });
    await createAssessment(a, [q1], summarizerFor([q1]), answers);
    const [entry] = (await loadCompareData()).entries;
    expect(entry).toMatchObject({
      id: a.id,
      country: 'KE',
      date: a.date,
      classification: 'RED',
      status: 'final',
      validated: true,
      total: 2
    });
  });
});
