import { describe, expect, it } from 'vitest';
import { ImportFlow } from './import-flow.svelte';
import { notices } from './notices.svelte';

type Checked = { ok: true; count: number } | { ok: false; lines: string[] };

function flow() {
  return new ImportFlow<Checked>((r) => (r.ok ? 'preview' : 'failed'));
}

const TEXTS = { failed: 'Nothing was imported.', refused: 'The import was refused.' };
const describeResult = (r: Checked) => (r.ok ? `Ready: ${r.count}` : 'Problems found');

describe('ImportFlow', () => {
  it('shows a checked file, then imports it when confirmed', async () => {
    const f = flow();
    expect(f.phase.name).toBe('idle');
    const reading = f.read(
      'Could not read',
      'Checking a.json…',
      async () => ({ ok: true, count: 2 }),
      describeResult
    );
    expect(f.phase.name).toBe('reading');
    expect(f.busy).toBe(true);
    expect(f.status).toBe('Checking a.json…');
    await reading;
    expect(f.phase).toEqual({ name: 'preview', result: { ok: true, count: 2 } });
    expect(f.status).toBe('Ready: 2');

    f.decide('ke-2026', 'replace');
    let seen: unknown;
    const link = {
      kind: 'assessment',
      id: 'ke-2026',
      title: 'Kenya',
      outcome: 'replaced'
    } as const;
    const outcome = await f.confirm('Importing…', TEXTS, async (_r, decisions) => {
      seen = decisions;
      return { kind: 'done', summary: 'Imported: 2 added.', links: [link] };
    });
    expect(outcome).toEqual({ kind: 'done', summary: 'Imported: 2 added.', links: [link] });
    expect(seen).toEqual(new Map([['ke-2026', 'replace']]));
    expect(f.phase.name).toBe('done');
    expect(f.status).toBe('');
    expect(f.result).toBeNull();
    // The outcome stays on screen until the user dismisses it: no toast that fades away.
    expect(f.report).toEqual({ summary: 'Imported: 2 added.', links: [link] });
    expect(notices.current.some((n) => n.text === 'Imported: 2 added.')).toBe(false);
    f.reset();
    expect(f.report).not.toBeNull();
    f.dismiss();
    expect(f.report).toBeNull();
  });

  it('keeps the result panel until another file is read', async () => {
    const f = flow();
    await f.read('Could not read', '…', async () => ({ ok: true, count: 1 }), describeResult);
    await f.confirm('Importing…', TEXTS, async () => ({ kind: 'done', summary: 'Imported.' }));
    f.say('Saved a backup.');
    expect(f.report).toEqual({ summary: 'Imported.', links: [] });
    await f.read('Could not read', '…', async () => ({ ok: true, count: 3 }), describeResult);
    expect(f.report).toBeNull();
  });

  it('shows no result panel for a refused or failed import', async () => {
    const f = flow();
    await f.read('Could not read', '…', async () => ({ ok: true, count: 1 }), describeResult);
    await f.confirm('Importing…', TEXTS, async () => ({
      kind: 'refused',
      problems: [{ file: 'a.json', code: 'bundle.no-groups' }]
    }));
    expect(f.report).toBeNull();
    await f.confirm('Importing…', TEXTS, async () => ({ kind: 'failed' }));
    expect(f.report).toBeNull();
  });

  it('keeps a file with problems shown and never imports it', async () => {
    const f = flow();
    await f.read(
      'Could not read',
      '…',
      async () => ({ ok: false, lines: ['a.json: bad'] }),
      describeResult
    );
    expect(f.phase).toEqual({
      name: 'failed',
      result: { ok: false, lines: ['a.json: bad'] },
      refusal: null
    });
    let called = false;
    await f.confirm('Importing…', TEXTS, async () => {
      called = true;
      return { kind: 'done', summary: '' };
    });
    expect(called).toBe(false);
  });

  it('shows the reasons of a refused import and lets the user try again', async () => {
    const f = flow();
    await f.read('Could not read', '…', async () => ({ ok: true, count: 1 }), describeResult);
    await f.confirm('Importing…', TEXTS, async () => ({
      kind: 'refused',
      problems: [{ file: 'b.json', code: 'import.questionnaire-differs' }]
    }));
    expect(f.refusal).toEqual([{ file: 'b.json', code: 'import.questionnaire-differs' }]);
    expect(f.result).toEqual({ ok: true, count: 1 });
    expect(f.status).toBe('The import was refused.');
    await f.confirm('Importing…', TEXTS, async () => ({ kind: 'failed' }));
    expect(f.phase).toEqual({ name: 'preview', result: { ok: true, count: 1 } });
    expect(f.status).toBe('Nothing was imported.');
  });

  it('goes back to the start when the file cannot be read at all', async () => {
    const f = flow();
    await f.read(
      'Could not read the file',
      '…',
      () => Promise.reject(new Error('disk gone')),
      describeResult
    );
    expect(f.phase.name).toBe('idle');
    expect(f.status).toBe('');
    expect(notices.current.at(-1)).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('Could not read the file') as unknown
    });
  });
});
