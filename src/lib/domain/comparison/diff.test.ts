/**
 * Item diff: one row per kind of change, with the level steps worked by hand
 * (maturity: the scale value; binary: no = 0, partial = 1, yes = 2).
 */
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap } from '../assessment/model';
import type { BinaryValue } from '../questionnaire/schema';
import { makeQuestionnaire } from '../testing/factories';
import { diffAnswers, type AnswerDiff, type DiffKind } from './diff';

function rows<T>(table: readonly T[], name: (row: T) => string): [string, T][] {
  return table.map((row) => [name(row), row]);
}

const level = (value: number | BinaryValue): Answer => ({ state: 'level', level: value });
const UNKNOWN: Answer = { state: 'unknown' };
const RESTRICTED: Answer = { state: 'restricted' };
const NA: Answer = { state: 'na', naReason: 'no such body in a small state' };

interface Row {
  id: string;
  type: 'maturity' | 'binary';
  before?: Answer;
  after?: Answer;
  kind: DiffKind;
  levelChange: number | null;
}

/** A table row; `undefined` = no answer on that side. */
function row(
  id: string,
  type: Row['type'],
  before: Answer | undefined,
  after: Answer | undefined,
  kind: DiffKind,
  levelChange: number | null
): Row {
  return {
    id,
    type,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    kind,
    levelChange
  };
}

const table: Row[] = [
  row('m-up', 'maturity', level(2), level(4), 'raised', 4 - 2),
  row('m-down', 'maturity', level(4), level(1), 'lowered', 1 - 4),
  row('m-same', 'maturity', level(3), level(3), 'same', 3 - 3),
  row('b-up', 'binary', level('no'), level('yes'), 'raised', 2 - 0),
  row('b-down', 'binary', level('yes'), level('partial'), 'lowered', 1 - 2),
  row('b-same', 'binary', level('partial'), level('partial'), 'same', 1 - 1),
  row('answered', 'maturity', undefined, level(3), 'changed-state', null),
  row('to-unknown', 'maturity', level(2), UNKNOWN, 'changed-state', null),
  row('unanswered-now', 'binary', level('yes'), undefined, 'changed-state', null),
  row('na-restricted', 'maturity', NA, RESTRICTED, 'changed-state', null),
  row('still-unknown', 'maturity', UNKNOWN, UNKNOWN, 'same', null),
  row('never', 'binary', undefined, undefined, 'same', null)
];

const questionnaire = makeQuestionnaire('p', [
  {
    id: 's',
    questions: table.map((r) => ({ id: r.id, type: r.type, naAllowed: true }))
  }
]);

function keyed(pick: (r: Row) => Answer | undefined): AnswerMap {
  const answers: AnswerMap = {};
  for (const r of table) {
    const answer = pick(r);
    if (answer) answers[`p/${r.id}`] = answer;
  }
  return answers;
}

const diff = diffAnswers(
  [questionnaire],
  keyed((r) => r.before),
  [questionnaire],
  keyed((r) => r.after)
);

function find(diffs: AnswerDiff[], questionId: string): AnswerDiff {
  const found = diffs.find((d) => d.questionId === questionId);
  if (!found) throw new Error(`no diff for ${questionId}`);
  return found;
}

describe('kind and level change of each question', () => {
  it.each(rows(table, (r) => `${r.id}: ${r.kind}, change ${r.levelChange}`))(
    '%s',
    (_name, { id, before, after, kind, levelChange }) => {
      const d = find(diff, id);
      expect(d.kind).toBe(kind);
      expect(d.levelChange).toBe(levelChange);
      expect(d.before?.state).toBe(before?.state ?? null);
      expect(d.after?.state).toBe(after?.state ?? null);
      expect(d.before?.level).toBe(before?.level ?? null);
      expect(d.after?.level).toBe(after?.level ?? null);
    }
  );

  it('lists every question once, in document order', () => {
    expect(diff.map((d) => d.questionId)).toEqual(table.map((r) => r.id));
  });
});

describe('comments', () => {
  const one = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'law' }] }]);

  it.each(
    rows<{
      name: string;
      before?: string;
      after?: string;
      changed: boolean;
      shown: (string | null)[];
    }>(
      [
        {
          name: 'a new comment on the same level is reported, the kind stays same',
          before: 'Bill drafted',
          after: 'Act in force since March',
          changed: true,
          shown: ['Bill drafted', 'Act in force since March']
        },
        {
          name: 'blank and missing comments are both no comment',
          before: '   ',
          changed: false,
          shown: [null, null]
        },
        {
          name: 'surrounding spaces are not a change',
          before: 'Act in force',
          after: ' Act in force ',
          changed: false,
          shown: ['Act in force', 'Act in force']
        }
      ],
      (r) => r.name
    )
  )('%s', (_name, { before, after, changed, shown }) => {
    const answer = (comment?: string): AnswerMap => ({
      'p/law': { ...level(3), ...(comment === undefined ? {} : { comment }) }
    });
    const [d] = diffAnswers([one], answer(before), [one], answer(after));
    expect(d!.kind).toBe('same');
    expect(d!.commentChanged).toBe(changed);
    expect([d!.before!.comment, d!.after!.comment]).toEqual(shown);
  });
});

describe('questions and questionnaires present on one side only', () => {
  const v1 = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'kept' }, { id: 'dropped' }] }]);
  const v2 = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'kept' }, { id: 'new' }] }], {
    version: '2.0.0'
  });
  const extra = makeQuestionnaire('x', [{ id: 's', questions: [{ id: 'only' }] }]);
  const before: AnswerMap = { 'p/kept': level(2), 'p/dropped': level(5) };
  const after: AnswerMap = { 'p/kept': level(3), 'p/new': level(1), 'x/only': level(4) };
  const diffs = diffAnswers([v1], before, [v2, extra], after);

  it('marks a question of the new version as added and one it dropped as removed', () => {
    expect(find(diffs, 'new')).toMatchObject({ kind: 'added', before: null, levelChange: null });
    expect(find(diffs, 'new').after).toMatchObject({ version: '2.0.0', level: 1 });
    expect(find(diffs, 'dropped')).toMatchObject({ kind: 'removed', after: null });
    expect(find(diffs, 'dropped').before).toMatchObject({ version: '1.0.0', level: 5 });
  });

  it('matches a question across versions by id', () => {
    // 3 − 2 = 1
    expect(find(diffs, 'kept')).toMatchObject({ kind: 'raised', levelChange: 1 });
  });

  it('marks every question of a questionnaire only the after side has as added', () => {
    expect(find(diffs, 'only')).toMatchObject({ questionnaireId: 'x', kind: 'added' });
  });

  it('orders by the after side, with what only the before side has at the end', () => {
    expect(diffs.map((d) => `${d.questionnaireId}/${d.questionId}`)).toEqual([
      'p/kept',
      'p/new',
      'p/dropped',
      'x/only'
    ]);
  });

  it('mirrors: swapping the sides swaps added and removed', () => {
    const back = diffAnswers([v2, extra], after, [v1], before);
    expect(find(back, 'new').kind).toBe('removed');
    expect(find(back, 'dropped').kind).toBe('added');
    expect(find(back, 'only').kind).toBe('removed');
    expect(find(back, 'kept')).toMatchObject({ kind: 'lowered', levelChange: -1 });
  });
});

describe('levels that cannot be placed on one scale', () => {
  it('a question that changed type between versions is a changed state', () => {
    const v1 = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'law' }] }]);
    const v2 = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'law', type: 'binary' }] }], {
      version: '2.0.0'
    });
    const [d] = diffAnswers([v1], { 'p/law': level(3) }, [v2], { 'p/law': level('yes') });
    expect(d).toMatchObject({ kind: 'changed-state', levelChange: null });
    expect([d!.before!.type, d!.after!.type]).toEqual(['maturity', 'binary']);
  });

  it('a questionnaire whose scale changed is a changed state even at the same number', () => {
    const zeroToFour = [0, 1, 2, 3, 4].map((value) => ({
      value,
      label: `Level ${value}`,
      description: `Described at ${value}.`
    }));
    const v1 = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'law' }] }]);
    const v2 = makeQuestionnaire('p', [{ id: 's', questions: [{ id: 'law' }] }], {
      version: '2.0.0',
      scale: zeroToFour
    });
    const [d] = diffAnswers([v1], { 'p/law': level(3) }, [v2], { 'p/law': level(3) });
    expect(d).toMatchObject({ kind: 'changed-state', levelChange: null });
  });
});
