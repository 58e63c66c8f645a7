import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { createAssessment } from './assessments';
import { database, openDatabase, useDatabase } from './db';
import { storeRefreshedSummaries } from './summary-refresh';
import { uuid } from './uuid';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }]);
const assessment = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
const level = (n: number) => ({ 'q/a': { state: 'level' as const, level: n } });

beforeEach(() => {
  useDatabase(openDatabase(`test-${uuid()}`));
});

describe('storeRefreshedSummaries', () => {
  it('replaces a summary made with other scoring rules, keeping its revision', async () => {
    await createAssessment(assessment, [q], summarizerFor([q]), level(5));
    const current = (await database().summaries.get(assessment.id))!;
    await database().summaries.put({ ...current, rules: 0, revision: 4 });
    const figures = summarizerFor([q])(level(5), assessment);
    expect(await storeRefreshedSummaries([{ assessment, figures }])).toBe(1);
    expect(await database().summaries.get(assessment.id)).toEqual({ ...current, revision: 4 });
  });

  it('keeps a current summary written meanwhile (by another tab, from newer answers)', async () => {
    await createAssessment(assessment, [q], summarizerFor([q]), level(5));
    const newer = (await database().summaries.get(assessment.id))!;
    const older = summarizerFor([q])(level(1), assessment);
    expect(await storeRefreshedSummaries([{ assessment, figures: older }])).toBe(0);
    expect(await database().summaries.get(assessment.id)).toEqual(newer);
  });
});
