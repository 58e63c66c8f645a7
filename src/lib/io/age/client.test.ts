/**
 * The worker client, with the real worker module (`age.worker.ts`) running in this process
 * behind a stand-in Worker that passes messages through structured clone, as a browser does.
 * Node has no module Worker of its own, which also lets the tests check the main-thread fallback.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  decryptInWorker,
  encryptInWorker,
  unwrapIdentityInWorker,
  wrapIdentityInWorker,
  type AgeWorkerLike
} from './client';
import type { AgeEncryptKey, AgeStage } from './encrypt';
import { createIdentity } from './identity';
import type { AgeJob, AgeWorkerMessage } from './jobs';
import { sealed, TEST_WORK_FACTOR, text } from './test-files';

type JobListener = (event: MessageEvent<AgeJob>) => void;
let workerListener: JobListener | undefined;
/** Where the worker module's postMessage goes: the stand-in Worker that is running. */
let deliverToPage: ((message: AgeWorkerMessage, transfer: Transferable[]) => void) | undefined;

beforeAll(async () => {
  // The worker module talks to its global scope: give it one for the length of this file.
  vi.stubGlobal('addEventListener', (type: string, listener: JobListener) => {
    if (type === 'message') workerListener = listener;
  });
  vi.stubGlobal('postMessage', (message: AgeWorkerMessage, transfer: Transferable[] = []) =>
    deliverToPage?.(message, transfer)
  );
  await import('./age.worker');
});

afterAll(() => vi.unstubAllGlobals());

/** A Worker that runs the real worker module, cloning every message both ways. */
class WorkerStandIn implements AgeWorkerLike {
  terminated = false;
  posted = 0;
  private listeners: {
    message: ((event: MessageEvent) => void)[];
    error: ((event: ErrorEvent) => void)[];
  } = {
    message: [],
    error: []
  };

  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    this.listeners[type].push(listener as never);
  }

  postMessage(job: AgeJob): void {
    this.posted += 1;
    const copy = structuredClone(job);
    deliverToPage = (message, transfer) => {
      if (this.terminated) return;
      const data = structuredClone(message, { transfer });
      for (const listener of this.listeners.message) listener({ data } as MessageEvent);
    };
    setTimeout(() => workerListener?.({ data: copy } as MessageEvent<AgeJob>), 0);
  }

  fail(message: string): void {
    const event = { message, preventDefault: () => undefined } as ErrorEvent;
    for (const listener of this.listeners.error) listener(event);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('in the worker', () => {
  it('encrypts and decrypts with a passphrase, passing the stages on', async () => {
    const workers: WorkerStandIn[] = [];
    const startWorker = () => {
      workers.push(new WorkerStandIn());
      return workers.at(-1) as WorkerStandIn;
    };
    const stages: AgeStage[] = [];
    const onStage = (stage: AgeStage) => stages.push(stage);
    const content = new TextEncoder().encode('bundle');
    const encrypted = await encryptInWorker(
      'b.age',
      content,
      { passphrase: 'pp' },
      { workFactor: TEST_WORK_FACTOR, armor: true, onStage, startWorker }
    );
    expect(encrypted.ok).toBe(true);
    if (!encrypted.ok) return;
    expect(text(encrypted.bytes)).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    expect(text(content)).toBe('bundle');
    const decrypted = await decryptInWorker(
      'b.age',
      encrypted.bytes,
      { passphrase: 'pp' },
      {
        onStage,
        startWorker
      }
    );
    expect(decrypted.ok && text(decrypted.bytes)).toBe('bundle');
    expect(stages).toEqual(['deriving-key', 'encrypting', 'deriving-key', 'decrypting']);
    expect(workers.map((worker) => [worker.posted, worker.terminated])).toEqual([
      [1, true],
      [1, true]
    ]);
  });

  it('returns problems from the worker as data', async () => {
    const file = await sealed('x', { passphrase: 'right' });
    const result = await decryptInWorker(
      'x.age',
      file,
      { passphrase: 'wrong' },
      {
        startWorker: () => new WorkerStandIn()
      }
    );
    expect(result).toMatchObject({
      ok: false,
      problem: { file: 'x.age', code: 'age.wrong-passphrase' }
    });
  });

  it('still refuses a passphrase and recipients together', async () => {
    const pair = await createIdentity();
    const both = { passphrase: 'pp', recipients: [pair.recipient] } as unknown as AgeEncryptKey;
    const result = await encryptInWorker('b.age', 'x', both, {
      startWorker: () => new WorkerStandIn()
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'age.passphrase-and-recipients' }]
    });
  });

  it('wraps and unwraps an identity', async () => {
    const pair = await createIdentity();
    const startWorker = () => new WorkerStandIn();
    const wrapped = await wrapIdentityInWorker('key.age', pair, 'pp', {
      workFactor: TEST_WORK_FACTOR,
      startWorker
    });
    if (!wrapped.ok) throw new Error('not wrapped');
    expect(await unwrapIdentityInWorker('key.age', wrapped.bytes, 'pp', { startWorker })).toEqual({
      ok: true,
      pair
    });
  });

  it('stops the worker when cancelled, and says nothing was saved', async () => {
    const worker = new WorkerStandIn();
    const controller = new AbortController();
    const pending = encryptInWorker(
      'b.age',
      'x',
      { passphrase: 'pp' },
      {
        workFactor: TEST_WORK_FACTOR,
        signal: controller.signal,
        startWorker: () => worker
      }
    );
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, problems: [{ code: 'age.cancelled' }] });
    expect(worker.terminated).toBe(true);
  });

  it('reports a worker that stops after it started', async () => {
    const worker = new WorkerStandIn();
    const pending = decryptInWorker(
      'x.age',
      await sealed('x', { passphrase: 'p' }),
      { passphrase: 'p' },
      {
        startWorker: () => worker,
        onStage: () => worker.fail('out of memory')
      }
    );
    expect(await pending).toMatchObject({
      ok: false,
      problem: { code: 'age.failed', params: { detail: 'out of memory' } }
    });
  });
});

describe('without module workers', () => {
  it('runs on the main thread when no worker can be started (as in Node)', async () => {
    const stages: AgeStage[] = [];
    const result = await encryptInWorker(
      'b.age',
      'x',
      { passphrase: 'pp' },
      {
        workFactor: TEST_WORK_FACTOR,
        onStage: (stage) => stages.push(stage)
      }
    );
    expect(result.ok).toBe(true);
    expect(stages).toEqual(['deriving-key', 'encrypting']);
  });

  it('runs on the main thread when the worker fails before its first message', async () => {
    const broken = new WorkerStandIn();
    broken.postMessage = () => {
      broken.posted += 1;
      setTimeout(() => broken.fail('import is not allowed in a classic worker'), 0);
    };
    const file = await sealed('still opens', { passphrase: 'p' });
    const result = await decryptInWorker(
      'x.age',
      file,
      { passphrase: 'p' },
      {
        startWorker: () => broken
      }
    );
    expect(result.ok && text(result.bytes)).toBe('still opens');
    expect(broken.terminated).toBe(true);
  });
});
