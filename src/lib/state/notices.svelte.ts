/**
 * The one place failures become words the user can act on. Components run an action through
 * `attempt` (or call `notices.error`) instead of catching and rendering errors themselves.
 */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

class Notices {
  #items = $state<Notice[]>([]);
  #next = 1;

  get current(): readonly Notice[] {
    return this.#items;
  }

  info(text: string): void {
    this.#push('info', text);
  }

  error(error: unknown, doing?: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.#push('error', doing ? `${doing}: ${message}` : message);
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((n) => n.id !== id);
  }

  #push(kind: Notice['kind'], text: string): void {
    const id = this.#next++;
    this.#items = [...this.#items, { id, kind, text }];
    if (kind === 'info') setTimeout(() => this.dismiss(id), 6000);
  }
}

export const notices = new Notices();

/** Runs an action and reports its failure; returns undefined when it failed. */
export async function attempt<T>(doing: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    console.error(error);
    notices.error(error, doing);
    return undefined;
  }
}
