import { describe, expect, it } from 'vitest';
import type { Group } from '../../domain/workshop/groups';
import { englishLine, englishMessage } from '../testing/problem-words';
import { writeAnswersCsv } from '.';
import { ALPHA, assessmentsOf, file, HEADER, problemsOf, read } from './test-fixtures';

/** A row of the second-edition header with the cells a test cares about. */
function row(cells: Partial<Record<string, string>>): string {
  return HEADER.split(',')
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(',');
}
const ke = {
  country: 'KE',
  assessment_id: 'ke',
  assessment_title: 'Kenya',
  assessment_date: '2026-11-01'
};
const m1 = { questionnaire_id: 'alpha', question_id: 'm1' };
const b1 = { questionnaire_id: 'alpha', question_id: 'b1' };

const GROUPS: Group[] = [
  { id: 'government', name: 'Ministry of ICT', kind: 'government', observer: false },
  { id: 'academia', name: 'Universities', kind: 'academia', observer: false },
  { id: 'world-bank', name: 'World Bank', kind: 'international-partner', observer: true }
];

describe('answers CSV group column: a file that creates a workshop', () => {
  it('makes one group per distinct value in order, a kind where the value is one, and keys their answers apart from the consensus', () => {
    const text = file(
      HEADER,
      row({ ...ke, ...m1, level: '3', rationale: 'Law in force since 2024' }),
      row({ ...ke, ...m1, level: '2', group: 'Government' }),
      row({ ...ke, ...m1, level: '5', group: 'Société civile' }),
      row({ ...ke, ...b1, level: 'yes', group: 'government' }),
      row({ ...ke, ...b1, level: 'no', group: ' SOCIÉTÉ CIVILE ' })
    );
    const [parsed] = assessmentsOf(read(text, { createAssessments: true }));
    expect(parsed!.groups).toEqual([
      { id: 'government', name: 'Government', kind: 'government', observer: false },
      { id: 'societe-civile', name: 'Société civile', kind: 'other', observer: false }
    ]);
    expect(parsed!.answers).toEqual({
      'alpha/m1': { state: 'level', level: 3, rationale: 'Law in force since 2024' }
    });
    expect(parsed!.groupAnswers).toEqual({
      'government/alpha/m1': { state: 'level', level: 2 },
      'societe-civile/alpha/m1': { state: 'level', level: 5 },
      'government/alpha/b1': { state: 'level', level: 'yes' },
      'societe-civile/alpha/b1': { state: 'level', level: 'no' }
    });
  });

  it('ignores a group row’s rationale and target, with one note', () => {
    const text = file(
      HEADER,
      row({ ...ke, ...m1, level: '2', group: 'academia', target: '4', rationale: 'We think so' }),
      row({ ...ke, ...m1, level: '4', group: 'government' })
    );
    const result = read(text, { createAssessments: true });
    expect(assessmentsOf(result)[0]!.groupAnswers['academia/alpha/m1']).toEqual({
      state: 'level',
      level: 2
    });
    expect(result.ok && result.notes.map(englishMessage)).toEqual([
      'Group rows carry no rationale or target: ignored on one row.'
    ]);
  });

  it('refuses a file whose rows name only one group, a group name too long, and a group answering twice', () => {
    const one = file(
      HEADER,
      row({ ...ke, ...m1, level: '2', group: 'academia' }),
      row({ ...ke, ...b1, level: 'no', group: 'Academia' })
    );
    expect(problemsOf(read(one, { createAssessments: true })).map(englishLine)).toEqual([
      'answers.csv:2:group: the rows of this assessment name only one group, “academia”: a workshop needs at least two, so add the rows of another group or clear the group cells'
    ]);
    const long = file(HEADER, row({ ...ke, ...m1, level: '2', group: 'x'.repeat(101) }));
    expect(problemsOf(read(long, { createAssessments: true })).map(englishLine)).toEqual([
      'answers.csv:2:group: a group name has at most 100 characters: shorten it'
    ]);
    const twice = file(
      HEADER,
      row({ ...ke, ...m1, level: '2', group: 'academia' }),
      row({ ...ke, ...m1, level: '3', group: 'government' }),
      row({ ...ke, ...m1, level: '4', group: 'ACADEMIA' })
    );
    expect(problemsOf(read(twice, { createAssessments: true })).map((p) => p.row)).toEqual([4]);
  });
});

describe('answers CSV group column: rows added to an existing workshop', () => {
  it('matches a value to a group id, then to a name trimmed and in any case', () => {
    const text = file(
      HEADER,
      row({ ...m1, level: '1', group: 'academia' }),
      row({ ...m1, level: '4', group: '  ministry OF ict ' }),
      row({ ...m1, state: 'unknown', group: 'World Bank' })
    );
    const [parsed] = assessmentsOf(read(text, { groups: GROUPS }));
    expect(parsed!.groupAnswers).toEqual({
      'academia/alpha/m1': { state: 'level', level: 1 },
      'government/alpha/m1': { state: 'level', level: 4 },
      'world-bank/alpha/m1': { state: 'unknown' }
    });
    // Existing assessments keep their groups: the file makes none.
    expect(parsed!.groups).toEqual([]);
  });

  it('refuses an unknown group, naming the file, row, column and the known groups', () => {
    const text = file(
      HEADER,
      row({ ...m1, level: '1' }),
      row({ ...m1, level: '4', group: 'Media' })
    );
    expect(problemsOf(read(text, { groups: GROUPS })).map(englishLine)).toEqual([
      'answers.csv:3:group: there is no group “Media” in this assessment: write one of its groups (Ministry of ICT, Universities, World Bank), or clear the cell to import the row as the consensus'
    ]);
  });
});

describe('answers CSV group column: our own export', () => {
  it('writes the answered group rows after the consensus rows, with the group id, and reads them back', () => {
    const assessment = {
      id: 'ke',
      country: 'KE',
      title: 'Kenya',
      date: '2026-11-01',
      respondent: '',
      groups: GROUPS
    };
    const answers = { 'alpha/m1': { state: 'level' as const, level: 3, rationale: 'Agreed' } };
    const groupAnswers = {
      'academia/alpha/m1': { state: 'level' as const, level: 1, comment: 'Two universities' },
      'government/alpha/b1': { state: 'level' as const, level: 'yes' as const },
      'world-bank/alpha/m2': { state: 'na' as const, naReason: 'Said so' }
    };
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers, groupAnswers }]);
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    const questions = ALPHA.sections.flatMap((s) => s.questions).length;
    expect(lines).toHaveLength(1 + questions + 3);
    // Groups in their order, each group's rows in questionnaire order.
    expect(lines.slice(1 + questions).map((l) => l.split(',').at(-1))).toEqual([
      'government',
      'academia',
      'world-bank'
    ]);
    const [back] = assessmentsOf(read(csv, { groups: GROUPS }));
    expect(back!.answers).toEqual(answers);
    expect(back!.groupAnswers).toEqual(groupAnswers);
  });
});
