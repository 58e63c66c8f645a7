import { describe, expect, it } from 'vitest';
import { problemText } from '../problem-text';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import type { ParsedBundle } from '$lib/io/bundle';
import { mergeBundles } from './bundle-merge';

const NOW = '2026-11-28T10:00:00.000Z';
const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }]);

describe('mergeBundles', () => {
  function bundle(file: string, ids: string[], questionnaire = q): ParsedBundle {
    return {
      file,
      appVersion: '0.1.0',
      exportedAt: NOW,
      sanitised: false,
      items: ids.map((id) => ({ assessment: makeAssessment({ id }), answers: {} })),
      questionnaires: [questionnaire]
    };
  }

  it('joins files and lists each questionnaire version once', () => {
    const merged = mergeBundles([bundle('a.json', ['a']), bundle('b.json', ['b'])]);
    expect(merged.ok && merged.bundle.items.map((i) => i.assessment.id)).toEqual(['a', 'b']);
    expect(merged.ok && merged.bundle.questionnaires).toHaveLength(1);
    expect(merged.ok && merged.bundle.file).toBe('a.json, b.json');
  });

  it('refuses the same assessment in two files and two contents for one version', () => {
    const changed = { ...q, title: 'Changed' };
    const merged = mergeBundles([bundle('a.json', ['a']), bundle('b.json', ['a'], changed)]);
    expect(!merged.ok && merged.problems.map(problemText)).toEqual([
      expect.stringMatching(/^b\.json: assessment .* is also in a\.json/),
      expect.stringMatching(
        /^b\.json: questionnaire q@1\.0\.0 differs from the version 1\.0\.0 in a\.json/
      )
    ]);
  });
});
