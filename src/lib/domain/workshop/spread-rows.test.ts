import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/model';
import { makeQuestionnaire } from '../testing/factories';
import type { GroupAnswers } from './answers';
import type { Group } from './groups';
import {
  SPREAD_CSV_HEADER,
  disagreementQueue,
  questionSpreads,
  spreadCsvRows
} from './spread-rows';

const level = (l: number | 'yes' | 'partial' | 'no'): Answer => ({ state: 'level', level: l });

const privacy = makeQuestionnaire('privacy', [
  { id: 'legal', questions: [{ id: 'law' }, { id: 'dpa' }] },
  {
    id: 'rights',
    questions: [
      { id: 'access', type: 'binary' },
      { id: 'context', type: 'binary', scored: false }
    ]
  }
]);
const cert = makeQuestionnaire('cert', [
  { id: 'ops', questions: [{ id: 'team' }, { id: 'drills' }] }
]);

const groups: Group[] = [
  { id: 'government', name: 'Ministry', kind: 'government', observer: false },
  { id: 'academia', name: 'University', kind: 'academia', observer: false },
  { id: 'civil-society', name: 'NGOs', kind: 'civil-society', observer: false },
  { id: 'international-partner', name: 'Donor', kind: 'international-partner', observer: true }
];

const groupAnswers: GroupAnswers = {
  // privacy/law: 1, 3, 4 → sorted 1,3,4; 2nd = 3; spread 3 → disagree; observer's 5 not counted
  'government/privacy/law': level(1),
  'academia/privacy/law': level(3),
  'civil-society/privacy/law': level(4),
  'international-partner/privacy/law': level(5),
  // privacy/dpa: 2, 3 and a don't know → n 2, other 1; 1st = 2; spread 1
  'government/privacy/dpa': level(2),
  'academia/privacy/dpa': level(3),
  'civil-society/privacy/dpa': { state: 'unknown' },
  // privacy/access: yes, no → 1st = no; yes and no → disagree
  'government/privacy/access': level('yes'),
  'academia/privacy/access': level('no'),
  // privacy/context (not scored, still listed): only an N/A → n 0
  'government/privacy/context': { state: 'na', naReason: 'no such law' },
  // cert/team: 3, 3 and an N/A → queued by N/A beside levels
  'government/cert/team': level(3),
  'academia/cert/team': level(3),
  'civil-society/cert/team': { state: 'na', naReason: 'no sector team' }
  // cert/drills: no answers
};

describe('workshop spread CSV rows', () => {
  it('has exactly the header of the file format', () => {
    expect(SPREAD_CSV_HEADER.join(',')).toBe(
      'assessment_id,questionnaire_id,question_id,groups_answered,groups_other,lowest,highest,suggested,spread,disagree,consensus,rationale'
    );
  });

  it('one row per maturity or binary question, in questionnaire order', () => {
    const rows = spreadCsvRows({
      assessmentId: 'a1',
      questionnaires: [privacy, cert],
      groups,
      groupAnswers,
      consensus: {
        'privacy/law': level(2),
        'privacy/dpa': { state: 'unknown' },
        'privacy/access': level('partial')
      },
      rationaleOf: (q, id) => (q === 'privacy' && id === 'law' ? 'Draft law only' : '')
    });
    expect(rows).toEqual([
      ['a1', 'privacy', 'law', '3', '0', '1', '4', '3', '3', 'yes', '2', 'Draft law only'],
      // the consensus is "don't know": not a level, so its cell stays empty
      ['a1', 'privacy', 'dpa', '2', '1', '2', '3', '2', '1', 'no', '', ''],
      // binary: spread is empty
      ['a1', 'privacy', 'access', '2', '0', 'no', 'yes', 'no', '', 'yes', 'partial', ''],
      // nobody gave a level: lowest, highest, suggested and spread empty
      ['a1', 'privacy', 'context', '0', '1', '', '', '', '', 'no', '', ''],
      // N/A beside levels is queued but is not "disagree" in the file
      ['a1', 'cert', 'team', '2', '1', '3', '3', '3', '0', 'no', '', ''],
      ['a1', 'cert', 'drills', '0', '0', '', '', '', '', 'no', '', '']
    ]);
    expect(rows.every((r) => r.length === SPREAD_CSV_HEADER.length)).toBe(true);
  });

  it('leaves out questions outside the scope', () => {
    const rows = spreadCsvRows({
      assessmentId: 'a1',
      questionnaires: [privacy, cert],
      groups,
      groupAnswers,
      consensus: {},
      inScope: (_q, question) => question.id !== 'dpa' && question.id !== 'drills'
    });
    expect(rows.map((r) => r[2])).toEqual(['law', 'access', 'context', 'team']);
  });
});

describe('disagreement queue', () => {
  it('takes the queued questions section by section in questionnaire order', () => {
    const queue = disagreementQueue(
      questionSpreads({ questionnaires: [privacy, cert], groups, groupAnswers })
    );
    expect(
      queue.map((s) => [s.questionnaireId, s.sectionId, s.items.map((i) => i.questionId)])
    ).toEqual([
      ['privacy', 'legal', ['law']],
      ['privacy', 'rights', ['access']],
      ['cert', 'ops', ['team']]
    ]);
    expect(queue[2]!.items[0]!.spread.naBesideLevels).toBe(true);
  });

  it('is empty when every group agrees', () => {
    const calm: GroupAnswers = {
      'government/cert/team': level(3),
      'academia/cert/team': level(4)
    };
    expect(
      disagreementQueue(questionSpreads({ questionnaires: [cert], groups, groupAnswers: calm }))
    ).toEqual([]);
  });
});
