import { beforeEach, describe, expect, it } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import type { AnswerMap } from '$lib/domain/assessment/model';
import { envelopeText } from '$lib/io/envelope';
import { makeResponse } from '$lib/io/group-response';
import { mini, workshop } from '$lib/io/testing/workshop-fixture';
import { createAssessment } from '$lib/storage/assessments';
import { openDatabase, useDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { getWorkshop } from '$lib/storage/workshop';
import { importResponses, readResponses, type ResponsesCheck } from './workshop-files';

function responseFile(
  name: string,
  groupId: string,
  answers: AnswerMap,
  assessmentId = workshop.id
) {
  const group = workshop.groups!.find((g) => g.id === groupId)!;
  const text = envelopeText(
    makeResponse(
      { assessment: { id: assessmentId, questionnaires: workshop.questionnaires }, group, answers },
      { appVersion: '0.1.0' }
    )
  );
  return new File([text], name);
}

const quiet = () => {};

function reads(check: ResponsesCheck) {
  if (!check.ok) throw new Error(check.problems.map((p) => p.code).join(', '));
  return check.reads;
}

beforeEach(async () => {
  useDatabase(openDatabase(`test-${uuid()}`));
  await createAssessment(workshop, [mini], summarizerFor([mini]), {});
});

describe('group responses coming back to the facilitator', () => {
  it('refuses a response for another assessment and writes nothing', async () => {
    const check = await readResponses(
      workshop,
      [
        responseFile('gov.json', 'government', { 'mini/data-law': { state: 'unknown' } }, 'ug-2026')
      ],
      quiet
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toMatchObject([
      { file: 'gov.json', path: 'content.assessment.id', code: 'response.other-assessment' }
    ]);
    expect((await getWorkshop(workshop.id)).answers).toEqual({});
  });

  it('refuses two responses of one group chosen together', async () => {
    const check = await readResponses(
      workshop,
      [responseFile('a.json', 'academia', {}), responseFile('b.json', 'academia', {})],
      quiet
    );
    expect(!check.ok && check.problems.map((p) => [p.file, p.code])).toEqual([
      ['b.json', 'response.group-twice']
    ]);
  });

  it('imports each group, then offers replace or fill gaps for a second response', async () => {
    const first = reads(
      await readResponses(
        workshop,
        [
          responseFile('gov.json', 'government', { 'mini/data-law': { state: 'level', level: 2 } }),
          responseFile('uni.json', 'academia', { 'mini/data-law': { state: 'level', level: 4 } })
        ],
        quiet
      )
    );
    expect(first.map((r) => [r.groupName, r.summary.answered, r.summary.hadAnswers])).toEqual([
      ['Government', 1, false],
      ['Universities', 1, false]
    ]);
    const done = await importResponses(workshop, first, new Map());
    expect(done).toMatchObject({ kind: 'done' });
    expect(done.kind === 'done' && done.summary).toMatch(
      /^Government: 1 answered, 0 changed, \d+ skipped\./
    );

    const again = {
      'mini/data-law': { state: 'level' as const, level: 3 },
      'mini/regulator': { state: 'unknown' as const }
    };
    const second = reads(
      await readResponses(workshop, [responseFile('gov2.json', 'government', again)], quiet)
    );
    expect(second[0]!.summary).toMatchObject({
      hadAnswers: true,
      answered: 2,
      changed: 1,
      gaps: 1
    });

    await importResponses(workshop, second, new Map([['government', 'fill-gaps']]));
    let stored = (await getWorkshop(workshop.id)).answers;
    expect(stored['government/mini/data-law']).toMatchObject({ level: 2 });
    expect(stored['government/mini/regulator']).toMatchObject({ state: 'unknown' });

    await importResponses(workshop, second, new Map([['government', 'replace']]));
    stored = (await getWorkshop(workshop.id)).answers;
    expect(stored['government/mini/data-law']).toMatchObject({ level: 3 });
    // The other group is never touched.
    expect(stored['academia/mini/data-law']).toMatchObject({ level: 4 });

    // Cancel writes nothing for that group.
    const third = reads(
      await readResponses(workshop, [responseFile('gov3.json', 'government', {})], quiet)
    );
    await importResponses(workshop, third, new Map([['government', 'cancel']]));
    expect((await getWorkshop(workshop.id)).answers).toEqual(stored);
  });

  it('leaves out, and says so, the answers of a group to questions outside its part', async () => {
    const assigned = {
      ...workshop,
      groups: workshop.groups!.map((g) =>
        g.id === 'academia' ? { ...g, part: ['mini/practice'] } : g
      )
    };
    const check = reads(
      await readResponses(
        assigned,
        [
          responseFile('uni.json', 'academia', {
            'mini/data-law': { state: 'level', level: 4 },
            'mini/breach-notice': { state: 'level', level: 'yes' }
          })
        ],
        quiet
      )
    );
    // Asked the three questions of the practice section, answered one; one answer was outside.
    expect(check[0]).toMatchObject({ outside: 1, summary: { answered: 1, skipped: 2 } });
    const done = await importResponses(assigned, check, new Map());
    expect(done.kind === 'done' && done.summary).toBe(
      "Universities: 1 answered, 0 changed, 2 skipped. One answer to a question outside the group's part was left out."
    );
    expect((await getWorkshop(workshop.id)).answers).toEqual({
      'academia/mini/breach-notice': { state: 'level', level: 'yes' }
    });
  });
});
