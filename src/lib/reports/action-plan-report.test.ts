import { describe, expect, it } from 'vitest';
import { newAction } from '$lib/domain/actions/model';
import { makeAssessment } from '$lib/domain/testing/factories';
import { buildPlanReport } from './action-plan-report';
import { documentTexts } from './document/model';

const NOW = '2027-01-01T00:00:00.000Z';
const assessment = makeAssessment({ classification: 'GREEN', title: 'Kenya 2027' });

describe('the action plan report', () => {
  it('lists the live actions by priority then due date, with overdue said in words', () => {
    const doc = buildPlanReport({
      assessment,
      questionnaires: [],
      madeOn: '2027-04-01',
      actions: [
        newAction(
          { id: 'b', assessmentId: assessment.id, title: 'Train judges', priority: 'low' },
          NOW
        ),
        newAction(
          {
            id: 'a',
            assessmentId: assessment.id,
            title: 'Pass the law',
            priority: 'high',
            owner: 'Ministry of ICT',
            due: '2027-03-31',
            kpiTarget: 'Act in force'
          },
          NOW
        ),
        newAction(
          {
            id: 'c',
            assessmentId: assessment.id,
            title: 'Old copy',
            priority: 'high',
            carriedTo: 'x'
          },
          NOW
        )
      ]
    });
    expect(doc.decor.classification).toBe('TLP:GREEN');
    expect(doc.decor.watermark).not.toBeNull();
    const table = doc.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.slice(0, 4))).toEqual([
      [{ text: 'Pass the law', bold: true }, 'Ministry of ICT', 'High', 'Planned, overdue'],
      [{ text: 'Train judges', bold: true }, '—', 'Low', 'Planned']
    ]);
    const texts = documentTexts(doc).map((t) => t.text);
    expect(texts).toContain(
      '2 actions: 1 open, 1 overdue on April 1, 2027, 0 done.'.replace('1 open', '2 open')
    );
    expect(texts).toContain('Act in force');
    expect(texts).not.toContain('Old copy');
  });
});
