import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summarizerFor } from '$lib/domain/assessment/summary';
import { makeAssessment, makeQuestionnaire } from '$lib/domain/testing/factories';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { ReadOnlyError, createAssessment, getAnswers } from '$lib/storage/assessments';
import { openDatabase, useDatabase } from '$lib/storage/db';
import { uuid } from '$lib/storage/uuid';
import { AnswerSession, saveProblem } from './answer-session.svelte';

const q = makeQuestionnaire('q', [{ id: 's', questions: [{ id: 'a' }, { id: 'b' }] }]);
const question = q.sections[0]!.questions[0]!;
const assessment = makeAssessment({ questionnaires: [{ id: 'q', version: '1.0.0' }] });

/** A tab: a session opened on what the database holds now. */
async function openTab(): Promise<AnswerSession> {
  return new AnswerSession(assessment, [q], await getAnswers(assessment.id));
}

class MemoryStorage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  key(i: number) {
    return [...this.#items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.#items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.#items.set(k, v);
  }
  removeItem(k: string) {
    this.#items.delete(k);
  }
}

beforeEach(async () => {
  useDatabase(openDatabase(`test-${uuid()}`));
  vi.stubGlobal('localStorage', new MemoryStorage());
  await createAssessment(assessment, [q], summarizerFor([q]));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('two tabs on one assessment', () => {
  it('keeps a level picked in one tab while the other still had evidence to save', async () => {
    const one = await openTab();
    const two = await openTab();
    one.setText('q', 'a', 'evidence', 'Act of 2012');
    two.setLevel('q', question, 3);
    await two.flush();
    one.applyStored(await getAnswers(assessment.id));
    expect(one.get('q', 'a')).toMatchObject({ state: 'level', level: 3, evidence: 'Act of 2012' });
    await one.flush();
    expect((await getAnswers(assessment.id))['q/a']).toMatchObject({
      state: 'level',
      level: 3,
      evidence: 'Act of 2012'
    });
    expect(one.conflicts).toEqual([]);
    expect(one.status).toBe('saved');
  });

  it('says when both changed the same field, and can put the other value back', async () => {
    const one = await openTab();
    const two = await openTab();
    one.setText('q', 'a', 'evidence', 'mine');
    two.setText('q', 'a', 'evidence', 'theirs');
    await two.flush();
    await one.flush();
    expect(one.conflicts).toMatchObject([
      { questionnaireId: 'q', questionId: 'a', group: 'evidence', theirs: { evidence: 'theirs' } }
    ]);
    one.useTheirs(one.conflicts[0]!);
    expect(one.conflicts).toEqual([]);
    await one.flush();
    expect((await getAnswers(assessment.id))['q/a']?.evidence).toBe('theirs');
  });
});

describe('edits not yet saved', () => {
  it('are written by the next session when the tab went away before saving', async () => {
    const closed = await openTab();
    closed.setText('q', 'b', 'comment', 'typed just before closing');
    // The tab is gone: no flush. The next visit takes the copy kept in localStorage.
    const next = await openTab();
    next.start();
    await vi.waitFor(() => expect(next.restored).toBe(true));
    await next.flush();
    expect((await getAnswers(assessment.id))['q/b']?.comment).toBe('typed just before closing');
    expect(localStorage.length).toBe(0);
  });

  it('stay in the queue and in localStorage when the save fails, and a retry writes them', async () => {
    const tab = await openTab();
    useDatabase(openDatabase(`test-${uuid()}`)); // this database has no such assessment
    tab.setText('q', 'a', 'comment', 'kept');
    await tab.flush();
    expect(tab.status).toBe('error');
    expect(tab.unsaved).toBe(true);
    expect(localStorage.length).toBe(1);
    expect(tab.get('q', 'a')?.comment).toBe('kept');
  });

  it('explain a failed save in the app’s words', () => {
    const full = new DOMException('Quota exceeded.', 'QuotaExceededError');
    expect(saveProblem(full)).toContain('the browser’s storage is full');
    expect(saveProblem(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toContain(
      'updated in another tab'
    );
    expect(saveProblem(new Error('Transaction aborted'))).not.toContain('aborted');
  });

  it('explain a failed save in the interface language, naming a final assessment', () => {
    overwriteGetLocale(() => 'fr');
    try {
      const full = new DOMException('Quota exceeded.', 'QuotaExceededError');
      expect(saveProblem(full)).toContain('l’espace de stockage du navigateur est plein');
      expect(saveProblem(new ReadOnlyError('Revue 2026'))).toContain(
        '«\u00a0Revue 2026\u00a0» est finalisée'
      );
    } finally {
      overwriteGetLocale(() => 'en');
    }
  });
});

describe('N/A waiting for its reason', () => {
  it('is listed as not saved until the reason arrives, and nothing is written meanwhile', async () => {
    const tab = await openTab();
    tab.waitForNaReason('q', 'b', true);
    tab.waitForNaReason('q', 'b', true);
    expect(tab.naWaiting).toEqual(['q/b']);
    await tab.flush();
    expect((await getAnswers(assessment.id))['q/b']).toBeUndefined();
    tab.setState('q', 'b', 'na', 'No such body in this country');
    tab.waitForNaReason('q', 'b', false);
    await tab.flush();
    expect(tab.naWaiting).toEqual([]);
    expect((await getAnswers(assessment.id))['q/b']).toMatchObject({ state: 'na' });
  });
});
