/**
 * Files made here open with the standard `age` tool, and files the tool makes open here: the
 * promise that a ministry and its advisor can exchange files with either.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { decryptAge } from './decrypt';
import { encryptAge } from './encrypt';
import { createIdentity, identityFileText, readIdentityText, wrapIdentity } from './identity';
import { runAgeOnTerminal, runTool, Scratch } from './test-tool';
import { TEST_WORK_FACTOR, text } from './test-files';

const CONTENT = '{"format":"ncs-assessment-bundle","content":"Évaluation — “KE” ✓"}\n';
const scratch = new Scratch();
afterAll(() => scratch.remove());

async function encryptedHere(
  name: string,
  key: Parameters<typeof encryptAge>[2],
  armor = false
): Promise<string> {
  const result = await encryptAge(name, CONTENT, key, { armor, workFactor: TEST_WORK_FACTOR });
  if (!result.ok) throw new Error(englishMessage(result.problems[0]));
  return scratch.write(name, result.bytes);
}

describe('the age tool opens what this module writes', () => {
  it('a file encrypted to a recipient, with the identity file (age -d -i)', async () => {
    const pair = await createIdentity();
    const identityFile = scratch.write('advisor.txt', identityFileText(pair, new Date()));
    for (const armor of [false, true]) {
      const file = await encryptedHere(
        `to-key-${armor}.age`,
        { recipients: [pair.recipient] },
        armor
      );
      const run = runTool('age', ['-d', '-i', identityFile, file]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(CONTENT);
    }
  });

  it('a file encrypted to several recipients, by each of them', async () => {
    const pairs = [await createIdentity(), await createIdentity()];
    const file = await encryptedHere('to-two.age', { recipients: pairs.map((p) => p.recipient) });
    for (const [index, pair] of pairs.entries()) {
      const identityFile = scratch.write(`id-${index}.txt`, identityFileText(pair, new Date()));
      expect(runTool('age', ['-d', '-i', identityFile, file]).stdout).toBe(CONTENT);
    }
  });

  it('a passphrase file, with the passphrase typed at its prompt', async () => {
    const file = await encryptedHere('by-passphrase.age', { passphrase: 'ministry 2025 — é' });
    const out = scratch.path('by-passphrase.out');
    const run = runAgeOnTerminal(['-d', '-o', out, file], ['ministry 2025 — é']);
    expect(run.status).toBe(0);
    expect(text(scratch.read('by-passphrase.out'))).toBe(CONTENT);
    const wrong = runAgeOnTerminal(['-d', '-o', `${out}2`, file], ['ministry 2024']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain('incorrect passphrase');
  });

  it('the wrapped identity: age -d gives the identity file, and age uses it as -i', async () => {
    const pair = await createIdentity();
    const created = new Date('2025-05-01T10:00:00Z');
    const wrapped = await wrapIdentity('advisor-key.age', pair, 'keep it safe', {
      createdAt: created,
      workFactor: TEST_WORK_FACTOR
    });
    if (!wrapped.ok) throw new Error('not wrapped');
    const keyFile = scratch.write('advisor-key.age', wrapped.bytes);
    const run = runAgeOnTerminal(
      ['-d', '-o', scratch.path('advisor-key.txt'), keyFile],
      ['keep it safe']
    );
    expect(run.status).toBe(0);
    expect(text(scratch.read('advisor-key.txt'))).toBe(identityFileText(pair, created));

    const file = await encryptedHere('for-advisor.age', { recipients: [pair.recipient] });
    const out = scratch.path('for-advisor.out');
    const viaKey = runAgeOnTerminal(['-d', '-i', keyFile, '-o', out, file], ['keep it safe']);
    expect(viaKey.status).toBe(0);
    expect(text(scratch.read('for-advisor.out'))).toBe(CONTENT);
  });
});

describe('this module opens what the age tool writes', () => {
  it('a file for a recipient (age -r), binary and armoured (-a)', async () => {
    const pair = await createIdentity();
    for (const armorFlag of [[], ['-a']]) {
      const output = scratch.path('from-tool-r.age');
      const run = runTool('age', [...armorFlag, '-r', pair.recipient, '-o', output], CONTENT);
      expect(run.status).toBe(0);
      const data = scratch.read('from-tool-r.age');
      const opened = await decryptAge('from-tool-r.age', data, { identities: [pair.identity] });
      expect(opened).toMatchObject({ ok: true, format: armorFlag.length ? 'armored' : 'binary' });
      expect(opened.ok && text(opened.bytes)).toBe(CONTENT);
    }
  });

  it('files for a recipients file (-R) and an identity file (-e -i), from age-keygen keys', async () => {
    const keygen = runTool('age-keygen', ['-o', scratch.path('keygen.txt')]);
    expect(keygen.status).toBe(0);
    const fromKeygen = await readIdentityText('keygen.txt', text(scratch.read('keygen.txt')));
    if (!fromKeygen.ok) throw new Error(englishMessage(fromKeygen.problem));
    const other = await createIdentity();
    const list = scratch.write(
      'recipients.txt',
      `# two\n${fromKeygen.pair.recipient}\n${other.recipient}\n`
    );
    const output = scratch.path('from-tool.age');
    for (const args of [
      ['-R', list],
      ['-e', '-i', scratch.path('keygen.txt')]
    ]) {
      expect(runTool('age', [...args, '-o', output], CONTENT).status).toBe(0);
      const opened = await decryptAge('from-tool.age', scratch.read('from-tool.age'), {
        identities: [fromKeygen.pair.identity]
      });
      expect(opened.ok && text(opened.bytes)).toBe(CONTENT);
    }
  });

  // age -p always uses work factor 18: scrypt at 2^18 in JavaScript takes seconds.
  it('a passphrase file (age -p), and refuses it with the wrong passphrase', async () => {
    const plain = scratch.write('plain.json', CONTENT);
    const output = scratch.path('from-tool-p.age');
    const run = runAgeOnTerminal(
      ['-p', '-a', '-o', output, plain],
      ['tool passphrase', 'tool passphrase']
    );
    expect(run.status).toBe(0);
    const data = scratch.read('from-tool-p.age');
    const opened = await decryptAge('from-tool-p.age', data, { passphrase: 'tool passphrase' });
    expect(opened).toMatchObject({ ok: true, format: 'armored' });
    expect(opened.ok && text(opened.bytes)).toBe(CONTENT);
    expect(await decryptAge('from-tool-p.age', data, { passphrase: 'other' })).toMatchObject({
      ok: false,
      problem: { code: 'age.wrong-passphrase' }
    });
  }, 120_000);
});
