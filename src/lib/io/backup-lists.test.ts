import { describe, expect, it } from 'vitest';
import { z } from '../domain/zod';
import type { FileProblem } from '../domain/problems';
import { parseAt, problemSink } from './bundle';
import {
  readList,
  readOwned,
  readOwnedList,
  type BackupList,
  type OwnedRecord
} from './backup-lists';

function sink() {
  const problems: FileProblem[] = [];
  return { problems, issue: problemSink('b.json', problems) };
}

const lines = (problems: FileProblem[]) =>
  problems.map((p) => `${p.path}: ${p.code}${p.params ? ' ' + JSON.stringify(p.params) : ''}`);

describe('readList', () => {
  const setting = z.object({ key: z.string(), value: z.string() });
  const settings = (
    issue: ReturnType<typeof sink>['issue']
  ): BackupList<z.output<typeof setting>> => ({
    key: 'meta',
    parseOne: (raw, at) => parseAt(setting, raw, at, issue),
    unique: { field: 'key', code: 'backup.setting-twice' }
  });

  it('reads every record, leaving a hole where one fails, and reports a key stored twice', () => {
    const { problems, issue } = sink();
    const meta = [{ key: 'a', value: '1' }, { key: 'b' }, { key: 'a', value: '2' }];
    expect(readList({ meta }, settings(issue), issue)).toEqual([
      { key: 'a', value: '1' },
      undefined,
      { key: 'a', value: '2' }
    ]);
    expect(lines(problems)).toEqual([
      'content.meta[1].value: schema.missing',
      'content.meta[2].key: backup.setting-twice {"key":"a"}'
    ]);
  });

  it('reports a missing list, unless the list is optional', () => {
    const { problems, issue } = sink();
    expect(readList({}, settings(issue), issue)).toEqual([]);
    expect(readList({}, { ...settings(issue), optional: true }, issue)).toEqual([]);
    expect(lines(problems)).toEqual(['content.meta: schema.missing']);
  });

  it('an optional list that is there is read and checked like any other', () => {
    const { problems, issue } = sink();
    readList({ meta: 'no' }, { ...settings(issue), optional: true }, issue);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['content.meta', 'schema.invalid-type']
    ]);
  });
});

describe('readOwned', () => {
  const at = ['content', 'notes', 0];
  const kind = (
    owners: Record<string, string>,
    fileIds: string[]
  ): OwnedRecord<string, { assessmentId: string; text: string }> => ({
    key: 'notes',
    optional: true,
    twiceCode: 'backup.notes-twice',
    shapeCode: 'backup.notes-shape',
    orphanCode: 'backup.orphan-notes',
    owner: (id) => owners[id],
    fileIds: new Set(fileIds),
    rest: (raw, _, { assessmentId, owner }) => ({ assessmentId, text: `${owner}: ${raw['text']}` })
  });

  it('reads a record of a known assessment with what it needs of that assessment', () => {
    const { problems, issue } = sink();
    const record = { assessmentId: 'ke', text: 'hello' };
    expect(readOwned(record, at, kind({ ke: 'Kenya' }, ['ke']), issue)).toEqual({
      assessmentId: 'ke',
      text: 'Kenya: hello'
    });
    expect(problems).toEqual([]);
  });

  it('reports a record that is not an object, or has no assessment id', () => {
    const { problems, issue } = sink();
    expect(readOwned([], at, kind({}, []), issue)).toBeUndefined();
    expect(readOwned({ text: 'x' }, at, kind({}, []), issue)).toBeUndefined();
    expect(lines(problems)).toEqual([
      'content.notes[0]: backup.notes-shape',
      'content.notes[0].assessmentId: schema.missing'
    ]);
  });

  it('reports an orphan, but not a record of an assessment the file holds in a broken form', () => {
    const { problems, issue } = sink();
    expect(readOwned({ assessmentId: 'fj' }, at, kind({}, ['ke']), issue)).toBeUndefined();
    expect(readOwned({ assessmentId: 'ke' }, at, kind({}, ['ke']), issue)).toBeUndefined();
    expect(lines(problems)).toEqual([
      'content.notes[0].assessmentId: backup.orphan-notes {"id":"fj"}'
    ]);
  });

  it('reads `first` whatever the assessment, and hands its value on', () => {
    const { problems, issue } = sink();
    const counted: OwnedRecord<string, number, number> = {
      ...kind({ ke: 'Kenya' }, ['ke']),
      first: (raw, here) => parseAt(z.number(), raw['count'], [...here, 'count'], issue),
      rest: (_, __, { first }) => first * 2
    };
    expect(readOwned({ count: 'x' }, at, counted, issue)).toBeUndefined();
    expect(readOwned({ assessmentId: 'fj', count: 'x' }, at, counted, issue)).toBeUndefined();
    expect(readOwned({ assessmentId: 'ke', count: 21 }, at, counted, issue)).toBe(42);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['content.notes[0].assessmentId', 'schema.missing'],
      ['content.notes[0].count', 'schema.invalid-type'],
      ['content.notes[0].count', 'schema.invalid-type']
    ]);
  });

  it('reads a list of them, one record per assessment', () => {
    const { problems, issue } = sink();
    const notes = [
      { assessmentId: 'ke', text: 'a' },
      { assessmentId: 'ke', text: 'b' }
    ];
    expect(readOwnedList({}, kind({ ke: 'Kenya' }, ['ke']), issue)).toEqual([]);
    expect(readOwnedList({ notes }, kind({ ke: 'Kenya' }, ['ke']), issue)).toEqual([
      { assessmentId: 'ke', text: 'Kenya: a' },
      { assessmentId: 'ke', text: 'Kenya: b' }
    ]);
    expect(lines(problems)).toEqual([
      'content.notes[1].assessmentId: backup.notes-twice {"key":"ke"}'
    ]);
  });
});
