import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '$lib/domain/assessment/model';
import { compareAssessments } from '$lib/domain/comparison/compare';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { generateReport } from './generate';
import type { ReportRequest } from './request';

// Only refusals are tested here: they return before jsPDF is loaded. The PDFs themselves are
// made and read back in tests/reports.spec.ts.
const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);

function country(answers: AnswerMap, title = 'Kenya 2026', includeAppendix = true): ReportRequest {
  return {
    kind: 'country',
    assessment: makeAssessment({ title, questionnaires: [{ id: 'q', version: '1.0.0' }] }),
    questionnaires: [q],
    answers,
    result: scoreAssessment({ questionnaires: [q], answers }),
    includeAppendix
  };
}

const steps: string[] = [];
const progress = (step: string) => steps.push(step);

describe('generateReport refuses text it cannot print', () => {
  it('names the script, the place and the way out; appendix text can be left out', async () => {
    const outcome = await generateReport(
      country({
        'q/a': { state: 'level', level: 2, comment: 'यह टिप्पणी हिंदी में है' },
        'q/b': { state: 'unknown', evidence: 'قانون حماية البيانات' }
      }),
      progress
    );
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain('Devanagari script in the answer, evidence or comment of question a');
    expect(message).toContain('Arabic script in the answer, evidence or comment of question b');
    expect(message).toContain('“यह टिप्पणी हिंदी में है”');
    expect(message).toContain('use “Print this page” on the results screen');
    expect(message).toContain('or leave out the appendix');
  });

  it('asks to change the text when it is not only in the appendix', async () => {
    const outcome = await generateReport(country({}, 'تقييم كينيا'), progress);
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain('Arabic script in the assessment title');
    expect(message).toContain('or change the text');
    expect(message).not.toContain('appendix');
  });

  it('sends the blank form to the questionnaire page’s own print', async () => {
    const custom = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }] }], {
      title: '調査票'
    });
    const outcome = await generateReport({ kind: 'blank', questionnaire: custom }, progress);
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain('Chinese script in the questionnaire q');
    expect(message).toContain('“Print as a blank form”');
  });

  it('sends the comparison report to the compare screen’s own print', async () => {
    const comparison = compareAssessments([
      {
        id: 'eg',
        country: 'EG',
        date: '2026-05-01',
        title: 'تقييم مصر',
        classification: 'GREEN',
        questionnaires: []
      }
    ]);
    const outcome = await generateReport(
      {
        kind: 'comparison',
        input: {
          comparison,
          order: ['eg'],
          showRanks: false,
          titles: {},
          radarIds: [],
          criteria: [],
          drafts: 0,
          validated: 0,
          madeOn: '2026-11-28'
        }
      },
      progress
    );
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain('Arabic script in the title of the assessment of Egypt (2026-05-01)');
    expect(message).toContain('use “Print this page” on the compare screen');
    expect(message).toContain('or change the text');
  });
});
