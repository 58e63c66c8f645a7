/**
 * The comparison data the compare screens share: loaded when a screen opens (so it reflects
 * answers saved since), one load at a time, with progress for the screen to show.
 */
import { loadCompareData, type CompareData, type LoadProgress } from '$lib/state/compare-data';
import { attempt } from '$lib/state/notices.svelte';

class CompareLoader {
  #data = $state.raw<CompareData | null>(null);
  #progress = $state<LoadProgress | null>(null);
  #failed = $state(false);
  #running: Promise<void> | null = null;

  /** The last data read; kept on screen while a refresh runs. */
  get current(): CompareData | null {
    return this.#data;
  }

  get loading(): boolean {
    return this.#progress !== null;
  }

  get progress(): LoadProgress | null {
    return this.#progress;
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Reads the data again; a second call while a read runs joins that read instead. */
  refresh(): Promise<void> {
    this.#running ??= this.#read().finally(() => (this.#running = null));
    return this.#running;
  }

  async #read(): Promise<void> {
    this.#failed = false;
    this.#progress = { stage: 'reading', done: 0, total: 0 };
    const data = await attempt('Could not read the assessments', () =>
      loadCompareData((p) => (this.#progress = p))
    );
    if (data) this.#data = data;
    else this.#failed = true;
    this.#progress = null;
  }
}

export const compareData = new CompareLoader();
