/**
 * The page's side of the age worker: each call starts a module worker, posts one job, passes the
 * stages on, and answers with the job's result. When the browser cannot start a module worker
 * at all, the job runs here on the main thread instead (the page then waits during scrypt, but
 * the file is still encrypted or opened). Cancelling stops the worker at once.
 *
 * These functions take the same arguments as their same-thread counterparts (`encryptAge`,
 * `decryptAge`, `wrapIdentity`, `unwrapIdentity`) plus the worker options, and like them never
 * throw for bad input or a failed worker: the result carries the problem.
 */
import type { AgeDecryptKey, AgeDecryptResult } from './decrypt';
import type { AgeEncryptKey, AgeEncryptResult, AgeStage } from './encrypt';
import type { AgeKeyPair, AgeKeyPairResult } from './identity';
import {
  jobFailure,
  runAgeJob,
  type AgeJob,
  type AgeJobEncryptOptions,
  type AgeJobResult,
  type AgeJobResults,
  type AgeWorkerMessage
} from './jobs';
import { ageProblem } from './problems';

/** The part of a Worker the client uses; tests pass a stand-in. */
export interface AgeWorkerLike {
  postMessage(message: AgeJob): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<AgeWorkerMessage>) => void
  ): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface AgeWorkerOptions {
  /** Called as the work moves on: 'deriving-key' (scrypt), then 'encrypting' or 'decrypting'. */
  onStage?: (stage: AgeStage) => void;
  /** Aborting stops the worker; the result is then the problem `age.cancelled`. */
  signal?: AbortSignal;
  /** Starts the worker; the default starts `age.worker.ts`. May throw where workers are missing. */
  startWorker?: () => AgeWorkerLike;
}

/** Starts the module worker; written out in full so the bundler finds and builds the worker. */
function startAgeWorker(): AgeWorkerLike {
  return new Worker(new URL('./age.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * `encryptAge` in a worker.
 * @example await encryptInWorker('kit.json.age', bytes, { passphrase }, { onStage: show })
 */
export function encryptInWorker(
  file: string,
  content: Uint8Array | string,
  key: AgeEncryptKey,
  options: AgeJobEncryptOptions & AgeWorkerOptions = {}
): Promise<AgeEncryptResult> {
  const { armor, workFactor, ...worker } = options;
  // A plain copy (Svelte state proxies cannot be cloned into a worker) that keeps both fields,
  // so a key with both is still refused there.
  const plainKey = {
    passphrase: key.passphrase,
    recipients: key.recipients === undefined ? undefined : [...key.recipients]
  } as AgeEncryptKey;
  const job: AgeJob = {
    kind: 'encrypt',
    file,
    content,
    key: plainKey,
    options: { armor, workFactor }
  };
  return inWorker(job, worker) as Promise<AgeJobResults['encrypt']>;
}

/**
 * `decryptAge` in a worker.
 * @example await decryptInWorker(file.name, bytes, { identities: [identity] })
 */
export function decryptInWorker(
  file: string,
  data: Uint8Array,
  key: AgeDecryptKey,
  options: AgeWorkerOptions = {}
): Promise<AgeDecryptResult> {
  const plainKey = {
    passphrase: key.passphrase,
    identities: key.identities === undefined ? undefined : [...key.identities]
  } as AgeDecryptKey;
  const job: AgeJob = { kind: 'decrypt', file, data, key: plainKey };
  return inWorker(job, options) as Promise<AgeJobResults['decrypt']>;
}

/**
 * `wrapIdentity` in a worker.
 * @example await wrapIdentityInWorker('ncs-key.age', pair, passphrase)
 */
export function wrapIdentityInWorker(
  file: string,
  pair: Pick<AgeKeyPair, 'identity' | 'recipient'>,
  passphrase: string,
  options: AgeJobEncryptOptions & { createdAt?: Date } & AgeWorkerOptions = {}
): Promise<AgeEncryptResult> {
  const { armor, workFactor, createdAt, ...worker } = options;
  const job: AgeJob = {
    kind: 'wrap-identity',
    file,
    // Plain copies: Svelte state proxies cannot be cloned into a worker.
    pair: { identity: pair.identity, recipient: pair.recipient },
    passphrase,
    options: { armor, workFactor, createdAt }
  };
  return inWorker(job, worker) as Promise<AgeJobResults['wrap-identity']>;
}

/**
 * `unwrapIdentity` in a worker.
 * @example await unwrapIdentityInWorker('ncs-key.age', bytes, passphrase)
 */
export function unwrapIdentityInWorker(
  file: string,
  data: Uint8Array,
  passphrase: string,
  options: AgeWorkerOptions = {}
): Promise<AgeKeyPairResult> {
  const job: AgeJob = { kind: 'unwrap-identity', file, data, passphrase };
  return inWorker(job, options) as Promise<AgeJobResults['unwrap-identity']>;
}

/**
 * Runs one job in a fresh worker; on the main thread if no module worker can start. The result
 * matches the job's kind (`AgeJobResults`), which the callers above state.
 */
async function inWorker(job: AgeJob, options: AgeWorkerOptions): Promise<AgeJobResult> {
  const { onStage, signal, startWorker = startAgeWorker } = options;
  const cancelled = () => jobFailure(job.kind, ageProblem(job.file, 'age.cancelled'));
  if (signal?.aborted) return cancelled();
  let worker: AgeWorkerLike;
  try {
    worker = startWorker();
  } catch {
    return runAgeJob(job, onStage);
  }
  let started = false;
  const outcome = new Promise<AgeJobResult | 'no-worker'>((settle) => {
    const onAbort = () => settle(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event) => {
      started = true;
      const message = event.data;
      if (message.type === 'stage') {
        onStage?.(message.stage);
        return;
      }
      signal?.removeEventListener('abort', onAbort);
      if (message.type === 'result') settle(message.result);
      else settle(jobFailure(job.kind, failedProblem(job.file, message.message)));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      signal?.removeEventListener('abort', onAbort);
      // An error before the first message means the worker never ran (no module workers).
      if (started) settle(jobFailure(job.kind, failedProblem(job.file, event.message)));
      else settle('no-worker');
    });
  });
  try {
    // Copied, not transferred: the caller keeps its bytes (to retry with another passphrase).
    worker.postMessage(job);
  } catch (error) {
    worker.terminate();
    const detail = error instanceof Error ? error.message : String(error);
    return jobFailure(job.kind, failedProblem(job.file, detail));
  }
  let result: AgeJobResult | 'no-worker';
  try {
    result = await outcome;
  } finally {
    worker.terminate();
  }
  return result === 'no-worker' ? runAgeJob(job, onStage) : result;
}

function failedProblem(file: string, detail: string | undefined) {
  return ageProblem(file, 'age.failed', { detail: detail || 'the worker stopped' });
}
