import { describe, expect, it } from 'vitest';
import {
  acceptsShow,
  projectorView,
  readChannelMessage,
  type ControlSnapshot
} from './channel-messages';

const snapshot: ControlSnapshot = {
  assessmentId: 'a1b2',
  questionnaireId: 'privacy',
  questionId: 'dpa',
  descriptors: false,
  revealed: true,
  levels: [
    { label: 'Group A', level: 2 },
    { label: 'Group B', level: 4 }
  ],
  other: { na: 0, unknown: 1, restricted: 0 },
  consensus: null,
  rationaleDraft: 'The regulator has no budget yet, so the room settled on 2'
};

const show = (seq: number, from = 'control-1') => ({
  type: 'show',
  from,
  seq,
  view: projectorView(snapshot)
});

describe('facilitator channel messages', () => {
  it('reads a valid show and a valid hello', () => {
    expect(readChannelMessage(show(1))).toEqual(show(1));
    expect(readChannelMessage({ type: 'hello', from: 'projector-1' })).toEqual({
      type: 'hello',
      from: 'projector-1'
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'show'],
    ['an unknown type', { type: 'reset', from: 'x' }],
    ['a hello without sender', { type: 'hello' }],
    ['a show with a negative number', { ...show(1), seq: -1 }],
    [
      'a show whose question id is not an id',
      { ...show(1), view: { ...show(1).view, questionId: '../x' } }
    ],
    [
      'a level that is not a level',
      { ...show(1), view: { ...show(1).view, dots: [{ label: 'A', level: 'maybe' }] } }
    ],
    ['a rationale beside the view', { ...show(1), rationale: 'draft' }],
    ['a rationale inside the view', { ...show(1), view: { ...show(1).view, rationale: 'draft' } }],
    [
      'a rationale on the consensus',
      {
        ...show(1),
        view: { ...show(1).view, consensus: { state: 'level', level: 2, rationale: 'draft' } }
      }
    ]
  ])('drops %s', (_name, data) => {
    expect(readChannelMessage(data)).toBeNull();
  });

  it('never puts a rationale draft in what the projector receives', () => {
    const sent = JSON.stringify(show(1));
    expect(sent).not.toContain('regulator');
    expect(sent).not.toContain('rationale');
    const withConsensus = projectorView({
      ...snapshot,
      consensus: { state: 'level', level: 2 }
    });
    expect(withConsensus.consensus).toEqual({ state: 'level', level: 2 });
    expect(JSON.stringify(withConsensus)).not.toContain('regulator');
  });

  it('shows no levels and no other answers before the reveal', () => {
    const view = projectorView({ ...snapshot, revealed: false });
    expect(view.dots).toEqual([]);
    expect(view.other).toEqual({ na: 0, unknown: 0, restricted: 0 });
    expect(projectorView(snapshot).dots).toEqual([
      { label: 'Group A', level: 2 },
      { label: 'Group B', level: 4 }
    ]);
  });

  it('applies show messages in order: a late or repeated one never takes the screen back', () => {
    expect(acceptsShow(null, { from: 'c1', seq: 5 })).toBe(true);
    expect(acceptsShow({ from: 'c1', seq: 5 }, { from: 'c1', seq: 6 })).toBe(true);
    expect(acceptsShow({ from: 'c1', seq: 5 }, { from: 'c1', seq: 5 })).toBe(false);
    expect(acceptsShow({ from: 'c1', seq: 5 }, { from: 'c1', seq: 4 })).toBe(false);
    // A control window opened again starts counting afresh.
    expect(acceptsShow({ from: 'c1', seq: 5 }, { from: 'c2', seq: 1 })).toBe(true);
  });
});
