import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../../domain/assessment/model';
import { makeAssessment } from '../../domain/testing/factories';
import { BOM } from '../csv';
import { writeAnswerTemplate, writeAnswersCsv } from '.';
import { ALPHA, BETA, GAMMA, HEADER } from './test-fixtures';

describe('writeAnswersCsv', () => {
  const assessment = makeAssessment({
    id: 'a-1',
    country: 'KE',
    title: 'Kenya 2026',
    date: '2026-11-01',
    respondent: 'Ministry of ICT',
    target: 4
  });

  it('writes the exact header, a BOM, CRLF, and one row per question in order', () => {
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA, BETA], answers: {} }]);
    expect(csv.startsWith(`${BOM}${HEADER}\r\n`)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const ids = lines.slice(1, -1).map((l) => l.split(',').slice(7, 10).join(' '));
    expect(ids).toEqual([
      'alpha 1.0.0 m1',
      'alpha 1.0.0 b1',
      'alpha 1.0.0 m2',
      'alpha 1.0.0 ctx',
      'alpha 1.0.0 b2',
      'beta 1.0.0 x',
      'beta 1.0.0 y'
    ]);
    expect(lines[1]).toBe(
      'KE,a-1,Kenya 2026,2026-11-01,Ministry of ICT,4,full,alpha,1.0.0,m1,Maturity m1?,,,,,,,,,'
    );
  });

  it('writes levels as scale values or yes/partial/no, and every state', () => {
    const answers: AnswerMap = {
      'alpha/m1': { state: 'level', level: 4, target: 5, evidence: 'Act 2019' },
      'alpha/b1': { state: 'level', level: 'partial' },
      'alpha/m2': { state: 'unknown' },
      'alpha/ctx': { state: 'restricted', regional: 'EAC' },
      'beta/x': { state: 'level', level: -1 }
    };
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA, BETA], answers }]);
    // level, state, na_reason, target, regional, evidence, comment, rationale, group
    const tail = (line: string) => line.split(',').slice(11).join(',');
    const lines = csv.split('\r\n');
    expect(lines.slice(1, 8).map(tail)).toEqual([
      '4,level,,5,,Act 2019,,,',
      'partial,level,,,,,,,',
      ',unknown,,,,,,,',
      ',restricted,,,EAC,,,,',
      ',,,,,,,,',
      // A negative level is a number: no formula apostrophe.
      '-1,level,,,,,,,',
      ',,,,,,,,'
    ]);
  });

  it('writes the N/A reason in na_reason and the comment as it is', () => {
    const answers: AnswerMap = {
      'alpha/m2': { state: 'na', naReason: 'No regions' },
      'alpha/b2': { state: 'na', naReason: 'No ports', comment: 'N/A: checked 2026' }
    };
    const lines = writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers }]).split('\r\n');
    expect(lines[3]!.endsWith(',na,No regions,,,,,,')).toBe(true);
    expect(lines[5]!.endsWith(',na,No ports,,,,N/A: checked 2026,,')).toBe(true);
  });

  it('writes a core assessment as its core rows only, a choice answer as its option id', () => {
    const core = { ...assessment, scope: 'core' as const };
    const answers: AnswerMap = {
      'omega/treaty': { state: 'level', option: 'second-option' },
      'omega/forum': { state: 'level', level: 3 }
    };
    const lines = writeAnswersCsv([{ assessment: core, questionnaires: [ALPHA, GAMMA], answers }])
      .split('\r\n')
      .slice(1, -1);
    // ALPHA has no core set and GAMMA's last section none: three rows, all in scope "core".
    expect(lines.map((l) => l.split(',').slice(6, 10).join(' '))).toEqual([
      'core omega 1.0.0 takedown',
      'core omega 1.0.0 appeal',
      'core omega 1.0.0 treaty'
    ]);
    expect(lines[2]!.split(',').slice(11, 13)).toEqual(['second-option', 'level']);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const answers: AnswerMap = { 'alpha/m1': { comment: '=HYPERLINK("http://x","y")' } };
    const csv = writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers }]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",,\r\n`);
  });

  it('writes a template with the same rows and every answer cell empty', () => {
    const template = writeAnswerTemplate([{ assessment, questionnaires: [ALPHA] }]);
    expect(template).toBe(writeAnswersCsv([{ assessment, questionnaires: [ALPHA], answers: {} }]));
    expect(template.split('\r\n')[2]!.endsWith('Binary b1?,,,,,,,,,')).toBe(true);
  });
});
