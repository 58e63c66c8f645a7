/** The sentence saying which operation still runs, in the interface language. */
let running: (() => string) | null = null;

/**
 * Runs one data operation at a time: an import, a restore and "remove everything" must never
 * interleave, even when started from two places on the screen. The components also disable
 * their own buttons while busy; this is the guard behind them.
 * @example await exclusive(m.data_busy_restore, () => restoreBackup(backup));
 */
export async function exclusive<T>(busy: () => string, action: () => Promise<T>): Promise<T> {
  if (running !== null) {
    throw new Error(running());
  }
  running = busy;
  try {
    return await action();
  } finally {
    running = null;
  }
}

/** Lets the browser paint a status line before synchronous work (parsing a large file) starts. */
export function nextFrame(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}
