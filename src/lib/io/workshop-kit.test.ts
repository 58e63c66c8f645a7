import { describe, expect, it } from 'vitest';
import { envelopeText, wrap } from './envelope';
import {
  checkResponse,
  GROUP_RESPONSE_FORMAT,
  makeResponse,
  parseResponse,
  type ParsedResponse
} from './group-response';
import { englishMessage } from './testing/problem-words';
import { makeKit, parseKit, WORKSHOP_KIT_FORMAT } from './workshop-kit';
import { BUNDLE_FORMAT } from './bundle';

import { mini, workshop } from './testing/workshop-fixture';
import { makeOverlay } from '../domain/testing/overlays';

function lines(problems: readonly { file: string; path?: string; code: string }[]) {
  return problems.map((p) => `${p.file}: ${p.path ?? ''}: ${p.code}`);
}

describe('workshop kit', () => {
  it('round-trips: the group, the pinned versions and nothing answered', () => {
    const text = envelopeText(
      makeKit(workshop, 'academia', [mini], { appVersion: '0.1.0', language: 'fr' })
    );
    const opened = parseKit('kit.json', text);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.kit.group).toEqual(workshop.groups![1]);
    expect(opened.kit.assessment).toEqual({
      id: 'ke-2026',
      country: 'KE',
      title: 'Kenya 2026',
      date: '2026-12-01',
      classification: 'AMBER',
      scope: 'full',
      questionnaires: [{ id: 'mini', version: mini.version }]
    });
    expect(opened.kit.language).toBe('fr');
    expect(opened.kit.questionnaires).toEqual([mini]);
    // No other group, no answers, no facilitator: only what the group needs.
    expect(text).not.toContain('Government');
    expect(text).not.toContain('Otieno');
    expect(text).not.toContain('"answers"');
  });

  it('carries a part and refuses one that names no section of the kit', () => {
    const good = makeKit(workshop, 'academia', [mini], { appVersion: '0.1.0', part: ['mini/law'] });
    const opened = parseKit('kit.json', envelopeText(good));
    expect(opened.ok && opened.kit.part).toEqual(['mini/law']);
    const bad = wrap(WORKSHOP_KIT_FORMAT, { ...good.content, part: ['mini/nowhere'] }, '0.1.0');
    const refused = parseKit('kit.json', envelopeText(bad));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(lines(refused.problems)).toEqual(['kit.json: content.part[0]: kit.part-unknown']);
    expect(englishMessage(refused.problems[0])).toContain('mini/nowhere');
  });

  it('carries the part stored with the group, beside the group and not inside it', () => {
    const assigned = {
      ...workshop,
      groups: workshop.groups!.map((g) =>
        g.id === 'academia' ? { ...g, part: ['mini/law', 'gone/section'] } : g
      )
    };
    const opened = parseKit(
      'kit.json',
      envelopeText(makeKit(assigned, 'academia', [mini], { appVersion: '0.1.0' }))
    );
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    // A part entry naming no pinned questionnaire is left out of the kit.
    expect(opened.kit.part).toEqual(['mini/law']);
    expect(opened.kit.group).toEqual(workshop.groups![1]);
    const everything = makeKit(assigned, 'government', [mini], { appVersion: '0.1.0' });
    expect(everything.content.part).toBeUndefined();
  });

  it('refuses a kit whose pinned version is not in it, naming the field', () => {
    const kit = makeKit(workshop, 'academia', [mini], { appVersion: '0.1.0' });
    const broken = wrap(WORKSHOP_KIT_FORMAT, { ...kit.content, questionnaires: [] }, '0.1.0');
    const opened = parseKit('kit.json', envelopeText(broken));
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(lines(opened.problems)).toEqual([
      'kit.json: content.assessment.questionnaires[0]: bundle.pinned-missing'
    ]);
  });

  it('says what a bundle or a response is when one is opened as a kit', () => {
    const bundle = envelopeText(
      wrap(BUNDLE_FORMAT, { assessments: [], questionnaires: [] }, '0.1.0')
    );
    const opened = parseKit('kenya.json', bundle);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.problems[0]?.code).toBe('envelope.other-format');
    expect(englishMessage(opened.problems[0])).toMatch(/assessment bundle/);
    const response = makeResponse(
      { assessment: workshop, group: workshop.groups![0]!, answers: {} },
      { appVersion: '0.1.0' }
    );
    const asKit = parseKit('r.json', envelopeText(response));
    expect(!asKit.ok && englishMessage(asKit.problems[0])).toMatch(/group response/);
  });
});

describe('workshop kit translations', () => {
  const french = makeOverlay(mini, (s) => `Texte : ${s}`);
  const frenchWorkshop = { ...workshop, language: 'fr' as const };

  it('carries the overlays of the pinned versions and the assessment language, and reads them back', () => {
    const other = { ...makeOverlay(mini), id: 'elsewhere' };
    const stale = { ...makeOverlay(mini), baseVersion: '0.9.0' };
    const envelope = makeKit(frenchWorkshop, 'academia', [mini], {
      appVersion: '0.1.0',
      overlays: [french, other, stale, { ...french, title: 'Second' }]
    });
    // Only the pinned version's, once: the first given wins.
    expect(envelope.content.overlays).toEqual([french]);
    const opened = parseKit('kit.json', envelopeText(envelope));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.kit.overlays).toEqual([french]);
    expect(opened.kit.assessment.language).toBe('fr');
  });

  it('writes no overlays key when there is none to carry, and reads older kits without one', () => {
    const envelope = makeKit(workshop, 'academia', [mini], { appVersion: '0.1.0' });
    expect('overlays' in envelope.content).toBe(false);
    const opened = parseKit('kit.json', envelopeText(envelope));
    expect(opened.ok && opened.kit.overlays).toBeUndefined();
    expect(opened.ok && opened.kit.assessment.language).toBeUndefined();
  });

  it('refuses a kit whose overlay does not fit its questionnaire, naming the place', () => {
    const good = makeKit(frenchWorkshop, 'academia', [mini], {
      appVersion: '0.1.0',
      overlays: [french]
    });
    const unknown = {
      ...french,
      sections: { ...french.sections, nowhere: { title: 'Nulle part' } }
    };
    const refused = parseKit(
      'kit.json',
      envelopeText(wrap(WORKSHOP_KIT_FORMAT, { ...good.content, overlays: [unknown] }, '0.1.0'))
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(lines(refused.problems)).toEqual([
      'kit.json: content.overlays[0].sections.nowhere: overlay.unknown-key'
    ]);
    const stale = parseKit(
      'kit.json',
      envelopeText(
        wrap(
          WORKSHOP_KIT_FORMAT,
          { ...good.content, overlays: [{ ...french, baseVersion: '0.9.0' }] },
          '0.1.0'
        )
      )
    );
    expect(!stale.ok && stale.problems.map((p) => p.code)).toEqual([
      'bundle.overlay-no-questionnaire'
    ]);
    expect(!stale.ok && englishMessage(stale.problems[0])).toContain('0.9.0');
  });
});

function response(answers: ParsedResponse['answers'], over: Partial<ParsedResponse> = {}) {
  const text = envelopeText(
    makeResponse(
      {
        assessment: { id: workshop.id, questionnaires: workshop.questionnaires },
        group: { id: 'academia', name: 'Universities' },
        answers,
        ...over
      },
      { appVersion: '0.1.0' }
    )
  );
  const parsed = parseResponse('academia.json', text);
  if (!parsed.ok) throw new Error(lines(parsed.problems).join('\n'));
  return parsed.response;
}

describe('group response', () => {
  it('round-trips the group answers, without targets or rationales', () => {
    const r = response({
      'mini/data-law': { state: 'level', level: 3, target: 4, comment: 'Act of 2019' },
      'mini/breach-notice': { state: 'level', level: 'partial', rationale: 'not ours' },
      'mini/dpo': { state: 'na', naReason: 'No such office' }
    });
    expect(r.group).toEqual({ id: 'academia', name: 'Universities' });
    expect(r.answers).toEqual({
      'mini/data-law': { state: 'level', level: 3, comment: 'Act of 2019' },
      'mini/breach-notice': { state: 'level', level: 'partial' },
      'mini/dpo': { state: 'na', naReason: 'No such office' }
    });
    expect(checkResponse(r, workshop, [mini])).toEqual([]);
  });

  it('refuses a response for another assessment, naming the file and the field', () => {
    const r = response(
      {},
      { assessment: { id: 'ug-2026', questionnaires: workshop.questionnaires } }
    );
    const problems = checkResponse(r, workshop, [mini]);
    expect(lines(problems)).toEqual([
      'academia.json: content.assessment.id: response.other-assessment'
    ]);
    expect(englishMessage(problems[0])).toContain('ug-2026');
    expect(englishMessage(problems[0])).toContain('Kenya 2026');
  });

  it('refuses other pinned versions and an unknown group', () => {
    const r = response(
      {},
      {
        assessment: { id: workshop.id, questionnaires: [{ id: 'mini', version: '9.0.0' }] },
        group: { id: 'media', name: 'Media' }
      }
    );
    expect(lines(checkResponse(r, workshop, [mini]))).toEqual([
      'academia.json: content.group.id: response.unknown-group',
      'academia.json: content.assessment.questionnaires[0].version: response.other-versions'
    ]);
  });

  it('refuses answers that do not fit their questions', () => {
    const r = response({
      'mini/data-law': { state: 'level', level: 9 },
      'mini/nope': { state: 'unknown' }
    });
    expect(lines(checkResponse(r, workshop, [mini]))).toEqual([
      'academia.json: content.answers["mini/data-law"].level: bundle.level-off-scale',
      'academia.json: content.answers["mini/nope"]: bundle.question-unknown'
    ]);
  });

  it('refuses a kit opened as a response', () => {
    const kit = envelopeText(makeKit(workshop, 'academia', [mini], { appVersion: '0.1.0' }));
    const parsed = parseResponse('kit.json', kit);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ file: 'kit.json', code: 'envelope.other-format' });
    expect(englishMessage(parsed.problems[0])).toMatch(/workshop kit/);
    expect(GROUP_RESPONSE_FORMAT).toBe('ncs-group-response');
  });
});
