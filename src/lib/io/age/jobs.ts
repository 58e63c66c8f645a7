/**
 * The work the age worker does, as plain data that crosses `postMessage`: one job in, stages
 * while it runs, one result out. `runAgeJob` is what the worker runs, and what the client runs on
 * the main thread when the browser cannot start a module worker.
 *
 * Relative imports only: the worker loads this file.
 */
import { decryptAge, type AgeDecryptKey, type AgeDecryptResult } from './decrypt';
import { encryptAge, type AgeEncryptKey, type AgeEncryptResult, type AgeStage } from './encrypt';
import { unwrapIdentity, wrapIdentity, type AgeKeyPair, type AgeKeyPairResult } from './identity';
import type { AgeProblem } from './problems';

/** Encryption options that survive a structured clone (no callbacks). */
export interface AgeJobEncryptOptions {
  armor?: boolean;
  workFactor?: number;
}

export type AgeJob =
  | {
      kind: 'encrypt';
      file: string;
      content: Uint8Array | string;
      key: AgeEncryptKey;
      options: AgeJobEncryptOptions;
    }
  | { kind: 'decrypt'; file: string; data: Uint8Array; key: AgeDecryptKey }
  | {
      kind: 'wrap-identity';
      file: string;
      pair: Pick<AgeKeyPair, 'identity' | 'recipient'>;
      passphrase: string;
      options: AgeJobEncryptOptions & { createdAt?: Date };
    }
  | { kind: 'unwrap-identity'; file: string; data: Uint8Array; passphrase: string };

/** The result each kind of job answers with. */
export interface AgeJobResults {
  encrypt: AgeEncryptResult;
  decrypt: AgeDecryptResult;
  'wrap-identity': AgeEncryptResult;
  'unwrap-identity': AgeKeyPairResult;
}

export type AgeJobResult = AgeJobResults[keyof AgeJobResults];

/** What the worker posts back: stages while it works, then one result or one failure. */
export type AgeWorkerMessage =
  | { type: 'stage'; stage: AgeStage }
  | { type: 'result'; result: AgeJobResult }
  | { type: 'failed'; message: string };

/**
 * Runs one job where it is called. Never throws for bad input; the results carry problems.
 * The result's type follows the job's kind (`AgeJobResults`).
 */
export function runAgeJob(job: AgeJob, onStage?: (stage: AgeStage) => void): Promise<AgeJobResult> {
  return run(job, onStage);
}

function run(job: AgeJob, onStage?: (stage: AgeStage) => void): Promise<AgeJobResult> {
  switch (job.kind) {
    case 'encrypt':
      return encryptAge(job.file, job.content, job.key, { ...job.options, onStage });
    case 'decrypt':
      return decryptAge(job.file, job.data, job.key, { onStage });
    case 'wrap-identity':
      return wrapIdentity(job.file, job.pair, job.passphrase, { ...job.options, onStage });
    case 'unwrap-identity':
      return unwrapIdentity(job.file, job.data, job.passphrase, { onStage });
  }
}

/** A job's result when it could not run at all (cancelled, or the worker failed). */
export function jobFailure(kind: AgeJob['kind'], problem: AgeProblem): AgeJobResult {
  return kind === 'encrypt' || kind === 'wrap-identity'
    ? { ok: false, problems: [problem] }
    : { ok: false, problem };
}
