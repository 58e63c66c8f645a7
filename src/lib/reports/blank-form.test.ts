import { describe, expect, it } from 'vitest';
import { makeQuestionnaire } from '$lib/domain/testing/factories';
import { buildBlankForm } from './blank-form';
import { checkDocument } from './document/coverage';
import type { Block } from './document/model';
import { blankFormFileName } from './file-names';

const q = makeQuestionnaire('privacy', [
  { id: 'law', questions: [{ id: 'in-force' }, { id: 'ratified', type: 'binary', scored: false }] },
  { id: 'authority', questions: [{ id: 'independence', naAllowed: true }] }
]);

/** The blocks of each question, found by its group. */
function questionGroups(blocks: Block[]): Block[][] {
  return blocks.filter((b) => b.kind === 'group').map((b) => b.blocks);
}

describe('blank form', () => {
  const doc = buildBlankForm(q);
  const groups = questionGroups(doc.blocks);

  it('has one group per question, headed by its number, text and id', () => {
    expect(groups.map((g) => (g[0]?.kind === 'heading' ? g[0].text : ''))).toEqual([
      '1. Maturity in-force? [in-force]',
      '2. Binary ratified? [ratified]',
      '3. Maturity independence? [independence]'
    ]);
  });

  it('offers a tick box per level with its number, and the other answers', () => {
    const choices = (g: Block[]) =>
      g.filter((b) => b.kind === 'choices').map((b) => b.items.map((i) => i.label));
    expect(choices(groups[0]!)).toEqual([
      ['1 Start-up', '2 Formative', '3 Established', '4 Strategic', '5 Dynamic'],
      ["Don't know", 'Cannot disclose']
    ]);
    expect(choices(groups[1]!)[0]).toEqual(['No', 'Partly', 'Yes']);
    // N/A only where the question allows it.
    expect(choices(groups[2]!)[1]).toEqual([
      'Not applicable (give the reason below)',
      "Don't know",
      'Cannot disclose'
    ]);
  });

  it('leaves lines for evidence and notes and marks context questions', () => {
    for (const g of groups) {
      expect(g).toContainEqual({ kind: 'lines', label: 'Evidence and notes', count: 3 });
    }
    expect(groups[1]).toContainEqual(
      expect.objectContaining({ kind: 'paragraph', text: 'Context question, not scored.' })
    );
  });

  it('asks for the classification instead of printing one, and has no watermark', () => {
    expect(doc.decor.classification).toBe('TLP: ________ (when completed)');
    expect(doc.decor.watermark).toBeNull();
    expect(checkDocument(doc)).toEqual([]);
  });

  it('names the file after the questionnaire and its version', () => {
    expect(blankFormFileName(q)).toBe('blank_privacy_1.0.0.pdf');
  });
});
