/**
 * The plan as a user drives it: a gap row becomes an action with the thirds-rule priority, and
 * a broken plan CSV — a thousand kinds of them — never writes anything.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionSchema } from '$lib/domain/actions/model';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { FUZZ_RUNS } from '$lib/domain/testing/runs';
import { getActions } from '$lib/storage/actions';
import { createAssessment } from '$lib/storage/assessments';
import { database, openDatabase, useDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { addGapToPlan, briefActions, importPlanCsv, planCsvText } from './action-plan';

const q = makeQuestionnaire('q', [
  { id: 's', questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] }
]);
const assessment = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });
const answers = {
  'q/a': { state: 'level' as const, level: 1 },
  'q/b': { state: 'level' as const, level: 2 },
  'q/c': { state: 'level' as const, level: 2 },
  'q/d': { state: 'level' as const, level: 4 }
};
const encode = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  useDatabase(openDatabase(`plan-${uuid()}`));
  await createAssessment(assessment, [q], summarizerFor([q]), answers);
});

describe('adding gap rows to the plan', () => {
  it('takes the question, its recommendation and the priority of its third', async () => {
    const { gapList } = scoreAssessment({ questionnaires: [q], answers, target: 5 });
    expect(gapList.map((g) => g.questionId)).toEqual(['a', 'b', 'c', 'd']);
    const first = await addGapToPlan(assessment.id, gapList, 0, q);
    const last = await addGapToPlan(assessment.id, gapList, 3, q);
    expect(first).toMatchObject({
      title: 'Maturity a?',
      description: 'Raise a from 1',
      priority: 'high',
      prioritySetByUser: false,
      questionnaireId: 'q',
      questionId: 'a',
      status: 'planned'
    });
    expect(last.priority).toBe('low');
    const brief = await briefActions(assessment.id);
    expect(brief.actions.map((a) => a.questionId)).toEqual(['a', 'd']);
  });
});

/** Text as Excel writes it on Windows in a French locale (Windows-1252, one byte a letter). */
function windows1252(text: string): Uint8Array {
  const beyondLatin1: Record<string, number> = { '—': 0x97, '–': 0x96, '’': 0x92, '€': 0x80 };
  return Uint8Array.from([...text], (c) => {
    const code = beyondLatin1[c] ?? c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
    return code;
  });
}

describe('a plan CSV saved by a spreadsheet on Windows', () => {
  it('is not read as UTF-8, and imports as Windows-1252 when the user chooses it: every letter kept', async () => {
    const title = 'Réviser la stratégie nationale — phase 2 (coût : 40 000 €)';
    const owner = 'Ministère de l’Économie – Direction générale';
    const bytes = windows1252(`title;owner;priority\r\n${title};${owner};high\r\n`);
    const before = await getActions(assessment.id);

    const asUtf8 = await importPlanCsv(assessment, { name: 'plan.csv', bytes }, [q]);
    expect(asUtf8.ok).toBe(false);
    expect(await getActions(assessment.id)).toEqual(before);

    const chosen = await importPlanCsv(
      assessment,
      { name: 'plan.csv', bytes },
      [q],
      'windows-1252'
    );
    expect(chosen).toMatchObject({ ok: true, added: 1 });
    const added = (await getActions(assessment.id)).filter(
      (a) => !before.some((b) => b.id === a.id)
    );
    expect(added.map((a) => [a.title, a.owner, a.priority])).toEqual([[title, owner, 'high']]);
    await database().actions.put({ assessmentId: assessment.id, actions: before });
  });
});

describe('importing broken plan files', () => {
  it(`writes nothing for any of ${FUZZ_RUNS} broken files that it refuses`, async () => {
    const before = await getActions(assessment.id);
    expect(before.length).toBeGreaterThan(0);
    const good = planCsvText(assessment, before);
    const lines = good.split('\r\n');
    const broken = fc.oneof(
      fc.nat(good.length).map((n) => good.slice(0, n)),
      fc.shuffledSubarray(lines, { minLength: 1 }).map((l) => l.join('\r\n')),
      fc
        .tuple(fc.nat(good.length), fc.string({ minLength: 1, maxLength: 6 }))
        .map(([i, s]) => good.slice(0, i) + s + good.slice(i + 1)),
      fc
        .tuple(fc.nat(lines.length), fc.string())
        .map(([i, s]) => lines.map((l, k) => (k === i ? s : l)).join('\n')),
      fc
        .tuple(fc.nat(lines.length), fc.constantFrom(';', '\t', '"', ',,', '2027-02-30', 'done'))
        .map(([i, s]) => lines.map((l, k) => (k === i ? l.replace(',', s) : l)).join('\r\n')),
      fc.string({ unit: 'binary', maxLength: 300 })
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(broken.map(encode), fc.uint8Array({ maxLength: 300 })),
        async (bytes) => {
          const result = await importPlanCsv(assessment, { name: 'plan.csv', bytes }, [q]);
          const after = await getActions(assessment.id);
          if (!result.ok) {
            refused++;
            expect(result.problems.length).toBeGreaterThan(0);
            expect(
              result.problems.every((p) => p.file === 'plan.csv' && /^(plan|file)\./.test(p.code))
            ).toBe(true);
            expect(after).toEqual(before);
          } else {
            // Never a deletion, never an invalid action stored.
            for (const a of before) expect(after.some((x) => x.id === a.id)).toBe(true);
            for (const a of after) expect(actionSchema.safeParse(a).success).toBe(true);
            await database().actions.put({ assessmentId: assessment.id, actions: before });
          }
        }
      ),
      { numRuns: FUZZ_RUNS }
    );
    expect(refused).toBeGreaterThan(FUZZ_RUNS / 4);
  }, 240_000);
});
