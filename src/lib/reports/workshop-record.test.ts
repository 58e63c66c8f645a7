import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerMap } from '$lib/domain/assessment/model';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import type { GroupAnswersRecord } from '$lib/domain/workshop/answers';
import type { Group } from '$lib/domain/workshop/groups';
import { checkDocument } from './document/coverage';
import { renderDocument } from './document/render';
import { buildWorkshopRecord } from './workshop-record';

const q = makeQuestionnaire('q', [
  { id: 's1', questions: [{ id: 'a' }, { id: 'b' }, { id: 'c', type: 'binary' }] }
]);
const groups: Group[] = [
  { id: 'government', name: 'Ministry of ICT', kind: 'government', observer: false },
  { id: 'academia', name: 'University of the South Pacific', kind: 'academia', observer: false },
  { id: 'private-sector', name: 'Telecom operators', kind: 'private-sector', observer: false },
  {
    id: 'international-partner',
    name: 'Development partner',
    kind: 'international-partner',
    observer: true
  }
];
const level = (l: Answer['level']): Answer => ({ state: 'level', level: l });

// a: levels 1, 2, 4 — spread 3 steps, the groups disagree, suggested 2; consensus 3 with a reason.
// b: levels 2, 3, 3 — no disagreement; consensus 3, set without a rationale.
// c: yes and no — the groups disagree; no consensus yet (not reached).
const workshop: GroupAnswersRecord = {
  assessmentId: 'x',
  answers: {
    'government/q/a': level(4),
    'academia/q/a': level(1),
    'private-sector/q/a': level(2),
    'international-partner/q/a': level(5),
    'government/q/b': level(3),
    'academia/q/b': level(2),
    'private-sector/q/b': level(3),
    'government/q/c': level('yes'),
    'academia/q/c': level('no')
  },
  history: [
    {
      at: '2026-12-01T09:30:00.000Z',
      questionnaireId: 'q',
      questionId: 'a',
      from: null,
      to: level(2),
      rationale: ''
    },
    {
      at: '2026-12-01T10:15:00.000Z',
      questionnaireId: 'q',
      questionId: 'a',
      from: level(2),
      to: level(3),
      rationale: 'The national CERT exists in law since 2024.'
    },
    {
      at: '2026-12-01T10:40:00.000Z',
      questionnaireId: 'q',
      questionId: 'b',
      from: null,
      to: level(3),
      rationale: ''
    }
  ]
};
const consensus: AnswerMap = { 'q/a': level(3), 'q/b': level(3) };

function record(anonymiseGroups: boolean) {
  const assessment = makeAssessment({
    country: 'FJ',
    title: 'Fiji workshop 2026',
    classification: 'AMBER',
    groups,
    anonymiseGroups
  });
  return buildWorkshopRecord({
    assessment,
    questionnaires: [q],
    answers: consensus,
    workshop: { ...workshop, assessmentId: assessment.id },
    madeOn: '2026-12-07'
  });
}

const fonts = {
  normal: readFileSync('static/fonts/NotoSans-Regular.ttf').toString('base64'),
  bold: readFileSync('static/fonts/NotoSans-Bold.ttf').toString('base64')
};
const out = mkdtempSync(join(tmpdir(), 'workshop-record-'));

async function printed(anonymise: boolean) {
  const doc = record(anonymise);
  expect(checkDocument(doc)).toEqual([]);
  const { blob, pages } = await renderDocument(doc, fonts, () => {});
  const file = join(out, `record-${anonymise}.pdf`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8'
  });
  return { text, flat: text.replace(/\s+/g, ' '), pages };
}

describe('workshop record PDF', () => {
  it('prints each question’s spread, consensus and rationale, read back from the PDF', async () => {
    const { flat, text, pages } = await printed(false);
    expect(flat).toContain('Chatham House rule');
    expect(flat).toContain('Ministry of ICT: 4 Strategic');
    expect(flat).toContain('University of the South Pacific: 1 Start-up');
    // The observer's answer is recorded but stays out of the spread (1 to 4, not 1 to 5).
    expect(flat).toContain('Development partner: 5 Dynamic');
    expect(flat).toContain('1 Start-up to 4 Strategic, suggested 2 Formative');
    expect(flat).toContain('The groups disagree.');
    expect(flat).toContain('3 Established The national CERT exists in law since 2024.');
    expect(flat).toContain('No rationale recorded.');
    expect(flat).toContain('Binary c? Questionnaire q');
    expect(flat).toContain('Not reached');
    // The history: first set without a reason, then changed with one (the arrow prints as ->).
    expect(flat).toContain('Not answered -> 2 Formative');
    expect(flat).toContain('2 Formative -> 3 Established');
    // The classification on every page.
    expect(text.match(/TLP:AMBER/g)).toHaveLength(pages);
  });

  it('names groups by letter, and never by name, when the assessment anonymises them', async () => {
    const { flat } = await printed(true);
    expect(flat).toContain('Group A: 4 Strategic');
    expect(flat).toContain('Group B: 1 Start-up');
    expect(flat).toContain('Group D: 5 Dynamic');
    for (const g of groups) expect(flat).not.toContain(g.name);
  });
});
