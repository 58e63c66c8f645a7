import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../questionnaire/schema';
import { askedKeys, groupView } from './kit-part';

function questionnaire(id: string, sections: Record<string, string[]>): Questionnaire {
  return {
    id,
    sections: Object.entries(sections).map(([sid, qs]) => ({
      id: sid,
      questions: qs.map((q) => ({ id: q }))
    }))
  } as unknown as Questionnaire;
}

const privacy = questionnaire('privacy', { law: ['a', 'b'], practice: ['c'] });
const standards = questionnaire('standards', { body: ['d'] });

describe('the questions of a group session', () => {
  it('are every question in scope when the group has no part', () => {
    expect(askedKeys(groupView([privacy, standards], 'full'))).toEqual([
      'privacy/a',
      'privacy/b',
      'privacy/c',
      'standards/d'
    ]);
  });

  it('are only its questionnaires and sections when it has a part', () => {
    expect(
      askedKeys(groupView([privacy, standards], 'full', ['privacy/practice', 'standards']))
    ).toEqual(['privacy/c', 'standards/d']);
    expect(groupView([privacy, standards], 'full', ['standards']).map((q) => q.id)).toEqual([
      'standards'
    ]);
  });
});
