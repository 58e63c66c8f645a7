/**
 * The age worker: runs scrypt and the encryption of large files off the main thread, so the
 * page stays responsive while a passphrase is derived (about 1 to 2 seconds at the standard work
 * factor) or a large backup is encrypted. Started by `client.ts`, one worker per job.
 *
 * A module worker (`{ type: 'module' }`); relative imports only, no DOM.
 */
import { runAgeJob, type AgeJob, type AgeWorkerMessage } from './jobs';
import { ensureSubtle } from './subtle-shim';

/** The part of the worker's global scope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  postMessage(message: AgeWorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AgeJob>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

// A worker started from a plain-http page has no crypto.subtle either.
ensureSubtle();

scope.addEventListener('message', (event) => {
  runAgeJob(event.data, (stage) => scope.postMessage({ type: 'stage', stage })).then(
    (result) => {
      // The result's bytes move to the page instead of being copied.
      const transfer = result.ok && 'bytes' in result ? [result.bytes.buffer as ArrayBuffer] : [];
      scope.postMessage({ type: 'result', result }, transfer);
    },
    (error: unknown) => {
      // runAgeJob reports problems instead of throwing; this is a defect, said plainly.
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ type: 'failed', message });
    }
  );
});
