import { beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '$lib/domain/assessment/model';
import type { Group } from '$lib/domain/workshop/groups';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { Facilitator } from './facilitator.svelte';

const q = makeQuestionnaire('q', [
  { id: 'legal', questions: [{ id: 'law' }, { id: 'dpa', core: true }] },
  { id: 'rights', questions: [{ id: 'access', type: 'binary', core: true }] }
]);
const groups: Group[] = [
  { id: 'government', name: 'Ministry of ICT', kind: 'government', observer: false },
  { id: 'academia', name: 'University', kind: 'academia', observer: false },
  { id: 'donor', name: 'Donor', kind: 'international-partner', observer: true }
];
const lvl = (level: number | 'yes' | 'no'): Answer => ({ state: 'level', level });

function facilitator(anonymiseGroups = false, consensus: Record<string, Answer> = {}) {
  const f = new Facilitator({
    assessment: makeAssessment({ groups, anonymiseGroups }),
    answers: consensus,
    questionnaires: [q]
  });
  f.workshop.answers = {
    'government/q/law': lvl(1),
    'academia/q/law': lvl(4),
    'donor/q/law': lvl(5),
    'government/q/dpa': lvl(2),
    'academia/q/dpa': lvl(3),
    'government/q/access': lvl('yes'),
    'academia/q/access': lvl('no')
  };
  return f;
}

beforeEach(() => overwriteGetLocale(() => 'en'));

describe('what the control window sends the projector', () => {
  it('sends the question only until the answers are revealed', () => {
    const f = facilitator();
    expect(f.projector()).toMatchObject({ questionId: 'law', revealed: false, dots: [] });
    f.reveal();
    // Observers are recorded but not plotted (rule 13).
    expect(f.projector()?.dots).toEqual([
      { label: 'Ministry of ICT', level: 1 },
      { label: 'University', level: 4 }
    ]);
  });

  it('names groups by letter when the workshop shows them anonymised', () => {
    const f = facilitator(true);
    f.reveal();
    expect(f.projector()?.dots.map((d) => d.label)).toEqual(['Group A', 'Group B']);
    expect(JSON.stringify(f.projector())).not.toContain('Ministry');
  });

  it('sends the agreed answer but never its rationale', () => {
    const f = facilitator(false, {
      'q/law': { state: 'level', level: 2, rationale: 'The regulator is not yet staffed' }
    });
    expect(f.projector()?.consensus).toEqual({ state: 'level', level: 2 });
    expect(JSON.stringify(f.projector())).not.toContain('regulator');
  });

  it('hides the answers again on the next question', () => {
    const f = facilitator();
    f.reveal();
    f.next();
    expect(f.projector()).toMatchObject({ questionId: 'dpa', revealed: false, dots: [] });
  });
});

describe('the walk', () => {
  it('takes the core questions first on request, staying on the question shown', () => {
    const f = facilitator();
    f.next();
    expect(f.current?.place.questionId).toBe('dpa');
    f.setCoreFirst(true);
    expect(f.current?.place.questionId).toBe('dpa');
    expect(f.order.map((p) => p.questionId)).toEqual(['dpa', 'access', 'law']);
  });

  it('works through the disagreement queue section by section, and opens a deep link', () => {
    const f = facilitator();
    f.setQueue(true);
    expect(f.order.map((p) => p.questionId)).toEqual(['law', 'access']);
    f.next();
    expect(f.current?.place.questionId).toBe('access');
    // A question that is not on the queue opens in the full list.
    expect(f.open('q', 'dpa')).toBe(true);
    expect(f.queue).toBeNull();
    expect(f.current?.place.questionId).toBe('dpa');
    expect(f.open('q', 'nowhere')).toBe(false);
  });

  it('counts the questions without an agreed answer', () => {
    const f = facilitator(false, { 'q/law': lvl(2) });
    expect(f.questionsLeft).toBe(2);
    expect(f.sections.map((s) => [s.title, s.questions, s.left])).toEqual([
      ['Section legal', 2, 1],
      ['Section rights', 1, 1]
    ]);
  });
});
