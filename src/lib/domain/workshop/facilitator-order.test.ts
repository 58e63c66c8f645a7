import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/model';
import { makeQuestionnaire } from '../testing/factories';
import type { Group } from './groups';
import { facilitatorOrder, placeIndex, queueOrder, sectionKey } from './facilitator-order';
import { questionSpreads } from './spread-rows';

const privacy = makeQuestionnaire('privacy', [
  {
    id: 'legal',
    questions: [{ id: 'law' }, { id: 'dpa', core: true }, { id: 'treaty', type: 'choice' }]
  },
  { id: 'rights', questions: [{ id: 'access', type: 'binary', core: true }, { id: 'redress' }] }
]);
const cert = makeQuestionnaire('cert', [{ id: 'ops', questions: [{ id: 'team', core: true }] }]);

const ids = (places: { questionId: string }[]) => places.map((p) => p.questionId);

describe('the facilitator order', () => {
  it('walks every level question in questionnaire, section and question order', () => {
    expect(ids(facilitatorOrder([privacy, cert], false))).toEqual([
      'law',
      'dpa',
      'access',
      'redress',
      'team'
    ]);
  });

  it('takes the core questions first, each part in its own order, when asked', () => {
    expect(ids(facilitatorOrder([privacy, cert], true))).toEqual([
      'dpa',
      'access',
      'team',
      'law',
      'redress'
    ]);
  });

  it('finds a question by its ids and keys sections by questionnaire and section', () => {
    const order = facilitatorOrder([privacy, cert], false);
    expect(placeIndex(order, 'cert', 'team')).toBe(4);
    expect(placeIndex(order, 'cert', 'law')).toBe(-1);
    expect(sectionKey(order[0]!)).toBe('privacy/legal');
  });
});

describe('the disagreement queue order', () => {
  const groups: Group[] = [
    { id: 'a', name: 'A', kind: 'other', observer: false },
    { id: 'b', name: 'B', kind: 'other', observer: false }
  ];
  const lvl = (l: number | 'yes' | 'no'): Answer => ({ state: 'level', level: l });

  it('lists the questions where groups disagree, section by section in assessment order', () => {
    const spreads = questionSpreads({
      questionnaires: [privacy, cert],
      groups,
      groupAnswers: {
        'a/cert/team': lvl(1),
        'b/cert/team': lvl(5),
        'a/privacy/redress': lvl(1),
        'b/privacy/redress': lvl(4),
        'a/privacy/law': lvl(2),
        'b/privacy/law': lvl(3),
        'a/privacy/access': lvl('yes'),
        'b/privacy/access': lvl('no')
      }
    });
    expect(queueOrder(spreads).map((p) => `${p.sectionId}/${p.questionId}`)).toEqual([
      'rights/access',
      'rights/redress',
      'ops/team'
    ]);
  });

  it('is empty when the groups agree everywhere', () => {
    const spreads = questionSpreads({
      questionnaires: [privacy],
      groups,
      groupAnswers: { 'a/privacy/law': lvl(2), 'b/privacy/law': lvl(3) }
    });
    expect(queueOrder(spreads)).toEqual([]);
  });
});
