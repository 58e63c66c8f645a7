/**
 * The one state machine behind every import screen (answers CSV, bundles, questionnaire files,
 * backups). A file is read and checked completely, writing nothing; the user sees what it holds
 * and confirms; only then is it written, all or nothing (see docs/file-formats.md).
 *
 *   idle ──read──► reading ──► preview ──confirm──► importing ──► done
 *                     │           ▲                     │
 *                     ▼           └──── (it failed) ◄───┤
 *                   failed ◄────────── (refused) ◄──────┘
 *
 * `failed` holds what the file or the import was refused for; the database is unchanged.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { FileProblem } from '$lib/domain/problems';
import type { ImportDecision } from '$lib/storage/transfer';
import type { ImportOutcome } from './data/imports';
import type { ImportLink, ImportReport } from './data/import-report';
import { attempt } from './notices.svelte';

export type ImportPhase<R> =
  | { name: 'idle' }
  | { name: 'reading' }
  /** Read and checked: what the file holds, waiting for the user to confirm. */
  | { name: 'preview'; result: R }
  | { name: 'importing'; result: R }
  | { name: 'done' }
  /** The file cannot be imported (`result` says why), or the import was refused (`refusal`). */
  | { name: 'failed'; result: R; refusal: FileProblem[] | null };

export interface ReadingProgress {
  done: number;
  total: number;
}

/** What a checked file leads to: shown for confirmation, refused, or already done (stored). */
export type Verdict = 'preview' | 'failed' | 'done';

export interface ConfirmTexts {
  /** The status when the write failed (the failure itself goes to the notices). */
  failed: string;
  /** The status when the import was refused as a whole. */
  refused: string;
}

export class ImportFlow<R> {
  #phase = $state.raw<ImportPhase<R>>({ name: 'idle' });
  #status = $state('');
  #progress = $state.raw<ReadingProgress | null>(null);
  /** What the last written import did; shown until dismissed or another file is read. */
  #report = $state.raw<ImportReport | null>(null);
  /**
   * What to do with each assessment that is already here (bundles and CSV files only). A Map:
   * ids come from the file, and an id such as "constructor" must find nothing.
   */
  readonly decisions = new SvelteMap<string, ImportDecision>();
  readonly #verdict: (result: R) => Verdict;

  /** @param verdict where a checked file goes: preview (confirm first), failed or done. */
  constructor(verdict: (result: R) => Verdict) {
    this.#verdict = verdict;
  }

  get phase(): ImportPhase<R> {
    return this.#phase;
  }
  get status(): string {
    return this.#status;
  }
  get progress(): ReadingProgress | null {
    return this.#progress;
  }
  /** Reading or importing: the screen disables its controls. */
  get busy(): boolean {
    return this.#phase.name === 'reading' || this.#phase.name === 'importing';
  }
  /** The checked file, while it is shown (in preview, importing, or refused). */
  get result(): R | null {
    const p = this.#phase;
    return p.name === 'preview' || p.name === 'importing' || p.name === 'failed' ? p.result : null;
  }
  /** What the last import wrote, for the result panel; null when dismissed. */
  get report(): ImportReport | null {
    return this.#report;
  }

  /** Shows what an import did in the result panel (imports written without a confirm step). */
  finish(summary: string, links: ImportLink[] = []): void {
    this.#report = { summary, links };
  }

  /** The user closed the result panel. */
  dismiss(): void {
    this.#report = null;
  }

  /** Why the import was refused as a whole, or null. */
  get refusal(): FileProblem[] | null {
    return this.#phase.name === 'failed' ? this.#phase.refusal : null;
  }

  /** Shows a status line (and a progress bar while reading). */
  say(text: string, progress: ReadingProgress | null = null): void {
    this.#status = text;
    this.#progress = progress;
  }

  decide(id: string, decision: ImportDecision): void {
    this.decisions.set(id, decision);
  }

  /**
   * Reads and checks a file; `describe` gives the status line for the result. Returns the result,
   * or undefined when reading failed (reported through the notices; the flow is idle again).
   */
  async read(
    doing: string,
    status: string,
    work: () => Promise<R>,
    describe: (result: R) => string
  ): Promise<R | undefined> {
    if (this.busy) return undefined;
    this.#phase = { name: 'reading' };
    // Another file: the last import's result gives way to what this one holds.
    this.#report = null;
    this.decisions.clear();
    this.say(status);
    const result = await attempt(doing, work);
    this.#progress = null;
    if (result === undefined) {
      this.#phase = { name: 'idle' };
      this.#status = '';
      return undefined;
    }
    const verdict = this.#verdict(result);
    this.#phase =
      verdict === 'preview'
        ? { name: 'preview', result }
        : verdict === 'failed'
          ? { name: 'failed', result, refusal: null }
          : { name: 'done' };
    this.#status = describe(result);
    return result;
  }

  /**
   * Writes the checked file with `work`, which gets a copy of the decisions and a way to show
   * how far it has come on the status line. Done: the summary and links go to the result panel
   * and the status line is cleared. Refused: the file stays shown with the reasons. Failed: the file stays
   * shown, ready to try again.
   */
  async confirm(
    status: string,
    texts: ConfirmTexts,
    work: (
      result: R,
      decisions: ReadonlyMap<string, ImportDecision>,
      say: (text: string) => void
    ) => Promise<ImportOutcome>
  ): Promise<ImportOutcome | undefined> {
    const phase = this.#phase;
    if (phase.name !== 'preview' && !(phase.name === 'failed' && phase.refusal)) return undefined;
    const result = phase.result;
    this.#phase = { name: 'importing', result };
    this.say(status);
    const outcome = await work(result, new Map(this.decisions), (text) => this.say(text));
    if (outcome.kind === 'failed') {
      this.#phase = { name: 'preview', result };
      this.#status = texts.failed;
    } else if (outcome.kind === 'refused') {
      this.#phase = { name: 'failed', result, refusal: outcome.problems };
      this.#status = texts.refused;
    } else {
      this.#report = { summary: outcome.summary, links: outcome.links ?? [] };
      this.#phase = { name: 'done' };
      this.#status = '';
      this.decisions.clear();
    }
    return outcome;
  }

  /** Back to the start: nothing chosen, nothing shown. */
  reset(): void {
    this.#phase = { name: 'idle' };
    this.decisions.clear();
    this.say('');
  }

  /** Forgets the checked file but keeps the status line (a setting changed; check again). */
  discard(): void {
    if (!this.busy) this.#phase = { name: 'idle' };
  }
}
