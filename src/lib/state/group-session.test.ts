import { beforeEach, describe, expect, it } from 'vitest';
import { makeOverlay } from '$lib/domain/testing/overlays';
import { envelopeText, wrap } from '$lib/io/envelope';
import { makeKit, WORKSHOP_KIT_FORMAT } from '$lib/io/workshop-kit';
import { mini, workshop } from '$lib/io/testing/workshop-fixture';
import { parseBundle } from '$lib/io/bundle';
import {
  groupSessions,
  kitRefusedAs,
  loadGroupSession,
  openKit,
  saveSessionAnswer
} from './group-session';

/** A `localStorage` for Node, as the browser keeps it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear()
  };
}

const kitText = envelopeText(
  makeKit(workshop, 'academia', [mini], { appVersion: '0.1.0', part: ['mini/law'] })
);

describe('a group session', () => {
  beforeEach(() => {
    globalThis.localStorage = memoryStorage();
  });

  it('starts from a kit, answers only the part, and continues when the kit is opened again', async () => {
    const opened = await openKit(new File([kitText], 'kit.json'));
    expect(opened).toEqual({ ok: true, assessmentId: 'ke-2026', groupId: 'academia' });
    const session = (await loadGroupSession('ke-2026', 'academia'))!;
    expect(session.asked).toEqual(['mini/data-law', 'mini/regulator']);
    saveSessionAnswer(session, 'mini/data-law', { state: 'level', level: 3 });
    await openKit(new File([kitText], 'kit.json'));
    expect((await loadGroupSession('ke-2026', 'academia'))!.answers['mini/data-law']).toMatchObject(
      {
        state: 'level',
        level: 3
      }
    );
    expect(groupSessions().map((s) => s.group)).toEqual(['Universities']);
  });

  it('stores nothing when the kit is refused', async () => {
    const broken = kitText.replace('Kenya 2026', 'Kenya 2027');
    const opened = await openKit(new File([broken], 'kit.json'));
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problems.map((p) => p.code)).toEqual(['envelope.checksum']);
    expect(localStorage.length).toBe(0);
  });

  it('shows a French assessment in French with the overlay its kit carries, English where it lacks a string', async () => {
    const french = makeOverlay(mini, (s) => `Texte : ${s}`);
    delete french.sections!['law']!.title;
    const kit = makeKit({ ...workshop, language: 'fr' }, 'academia', [mini], {
      appVersion: '0.1.0',
      part: ['mini/law'],
      overlays: [french]
    });
    await openKit(new File([envelopeText(kit)], 'kit.json'));
    const session = (await loadGroupSession('ke-2026', 'academia'))!;
    const [q] = session.view;
    expect(q!.title).toBe(`Texte : ${mini.title}`);
    expect(q!.sections[0]!.questions[0]!.text).toBe(
      `Texte : ${mini.sections[0]!.questions[0]!.text}`
    );
    // The missing string stays English and is listed for the screen to mark.
    expect(q!.sections[0]!.title).toBe(mini.sections[0]!.title);
    expect([...session.texts[0]!.untranslated]).toEqual(['sections.law.title']);
  });

  it('stores nothing when an overlay of the kit does not fit its questionnaire', async () => {
    const good = makeKit({ ...workshop, language: 'fr' }, 'academia', [mini], {
      appVersion: '0.1.0'
    });
    const overlay = { ...makeOverlay(mini), sections: { nowhere: { title: 'Nulle part' } } };
    const bad = wrap(WORKSHOP_KIT_FORMAT, { ...good.content, overlays: [overlay] }, '0.1.0');
    const opened = await openKit(new File([envelopeText(bad)], 'kit.json'));
    expect(!opened.ok && opened.problems.map((p) => [p.path, p.code])).toEqual([
      ['content.overlays[0].sections.nowhere', 'overlay.unknown-key']
    ]);
    expect(localStorage.length).toBe(0);
  });
});

describe('a kit chosen where a bundle was expected', () => {
  it('is found by the refusal that names it, so the screen can offer a group session', () => {
    const read = parseBundle('kit.json', kitText);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const kit = new File([kitText], 'kit.json');
    const other = new File(['{}'], 'other.json');
    expect(kitRefusedAs(read.problems, [other, kit])).toBe(kit);
    const notKit = parseBundle('other.json', '{"format":"ncs-group-response"}');
    expect(!notKit.ok && kitRefusedAs(notKit.problems, [other])).toBeNull();
  });
});
