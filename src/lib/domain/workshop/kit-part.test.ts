import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../questionnaire/schema';
import { askedKeys, groupView, livePart, partAsks, partCover, partWith } from './kit-part';

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

describe('the part a facilitator ticks for a group', () => {
  it('asks every section when there is no part, else only the ticked ones', () => {
    expect(partAsks(undefined, 'privacy', 'law')).toBe(true);
    expect(partAsks(['privacy/law'], 'privacy', 'law')).toBe(true);
    expect(partAsks(['privacy/law'], 'privacy', 'practice')).toBe(false);
    expect(partAsks(['privacy'], 'privacy', 'practice')).toBe(true);
    expect(partAsks(['privacy'], 'standards', 'body')).toBe(false);
  });

  it('writes a questionnaire whose every section is ticked by its id alone', () => {
    const one = partWith([], privacy, 'law', true);
    expect(one).toEqual(['privacy/law']);
    expect(partCover(one, privacy)).toBe('some');
    const both = partWith(one, privacy, 'practice', true);
    expect(both).toEqual(['privacy']);
    expect(partCover(both, privacy)).toBe('all');
    expect(partWith(both, privacy, 'law', false)).toEqual(['privacy/practice']);
  });

  it('ticks or unticks a whole questionnaire and leaves the others as they are', () => {
    expect(partWith(['standards'], privacy, undefined, true)).toEqual(['standards', 'privacy']);
    expect(partWith(['privacy/law', 'standards'], privacy, undefined, false)).toEqual([
      'standards'
    ]);
    expect(partCover(['standards'], privacy)).toBe('none');
  });

  it('drops entries whose questionnaire or section is no longer pinned', () => {
    expect(
      livePart(['privacy/law', 'privacy/gone', 'old', 'standards'], [privacy, standards])
    ).toEqual(['privacy/law', 'standards']);
  });
});
