import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { decryptAge } from './decrypt';
import type { AgeStage } from './encrypt';
import {
  armored,
  bytesOf,
  flipBit,
  headerOf,
  sealed,
  testKey,
  text,
  withHeader
} from './test-files';

const CONTENT = 'x'.repeat(100_000);

describe('decryptAge refuses, with a message and never a throw', () => {
  it('a wrong passphrase', async () => {
    const file = await sealed(CONTENT, { passphrase: 'right' });
    const result = await decryptAge('kit.json.age', file, { passphrase: 'Right' });
    expect(result).toMatchObject({
      ok: false,
      problem: { file: 'kit.json.age', code: 'age.wrong-passphrase' }
    });
    if (!result.ok) expect(englishMessage(result.problem)).toContain('does not open');
  });

  it('a key the file was not encrypted to', async () => {
    const owner = await testKey();
    const other = await testKey();
    const file = await sealed(CONTENT, { recipients: [owner.recipient] });
    const result = await decryptAge('a.age', file, { identities: [other.identity] });
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'age.wrong-identity', params: { recipients: 1 } }
    });
  });

  it('the other kind of key than the file needs, before any work', async () => {
    const key = await testKey();
    const byPassphrase = await sealed('x', { passphrase: 'p' });
    const toKey = await sealed('x', { recipients: [key.recipient] });
    expect(await decryptAge('a.age', byPassphrase, { identities: [key.identity] })).toMatchObject({
      ok: false,
      problem: { code: 'age.needs-passphrase' }
    });
    expect(await decryptAge('a.age', toKey, { passphrase: 'p' })).toMatchObject({
      ok: false,
      problem: { code: 'age.needs-identity' }
    });
  });

  it('a secret key that is not one, without repeating it', async () => {
    const key = await testKey();
    const file = await sealed('x', { recipients: [key.recipient] });
    const broken = key.identity.slice(0, -2);
    const result = await decryptAge('a.age', file, { identities: [broken] });
    expect(result).toMatchObject({ ok: false, problem: { code: 'age.identity-invalid' } });
    expect(JSON.stringify(result)).not.toContain(broken.slice(16));
  });

  it('a file cut short, anywhere', async () => {
    const key = await testKey();
    const file = await sealed(CONTENT, { recipients: [key.recipient] });
    const headerLength = bytesOf(headerOf(file)).length;
    const cases = [
      { length: 40, code: 'age.truncated' },
      { length: headerLength + 20, code: 'age.truncated' },
      { length: headerLength + 5_000, code: 'age.damaged' },
      { length: file.length - 1, code: 'age.damaged' }
    ];
    for (const { length, code } of cases) {
      const result = await decryptAge('a.age', file.subarray(0, length), {
        identities: [key.identity]
      });
      expect(result).toMatchObject({ ok: false, problem: { code } });
    }
  });

  it('a flipped bit in the contents or the header MAC', async () => {
    const file = await sealed(CONTENT, { passphrase: 'p' });
    const headerLength = bytesOf(headerOf(file)).length;
    const contents = await decryptAge('a.age', flipBit(file, headerLength + 1_000, 3), {
      passphrase: 'p'
    });
    expect(contents).toMatchObject({
      ok: false,
      problem: { code: 'age.damaged', params: { part: 'contents' } }
    });
    if (!contents.ok) expect(englishMessage(contents.problem)).toContain('damaged or was changed');
    // The MAC is the last base64 text of the header: flip a bit in its first character.
    const mac = headerLength - 40;
    const header = await decryptAge('a.age', flipBit(file, mac, 1), { passphrase: 'p' });
    expect(header).toMatchObject({
      ok: false,
      problem: { code: 'age.damaged', params: { part: 'header' } }
    });
  });

  it('a changed character in the armour', async () => {
    const key = await testKey();
    const file = text(await sealed(CONTENT, { recipients: [key.recipient] }, { armor: true }));
    const at = file.indexOf('\n', 200) + 10;
    const swapped = file.slice(0, at) + (file[at] === 'A' ? 'B' : 'A') + file.slice(at + 1);
    const result = await decryptAge('a.age', bytesOf(swapped), { identities: [key.identity] });
    expect(result).toMatchObject({ ok: false, problem: { code: 'age.damaged' } });
    const broken = file.replace(/\n/, '\n!');
    expect(
      await decryptAge('a.age', bytesOf(broken), { identities: [key.identity] })
    ).toMatchObject({
      ok: false,
      problem: { code: 'age.damaged', params: { part: 'text armour' } }
    });
  });

  it('a work factor of 2^23, before running scrypt', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    const crafted = withHeader(file, headerOf(file).replace(/ 10\n/, ' 23\n'));
    const stages: AgeStage[] = [];
    const result = await decryptAge(
      'big.age',
      crafted,
      { passphrase: 'p' },
      { onStage: (stage) => stages.push(stage) }
    );
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'age.work-factor-too-high', params: { workFactor: 23, limit: 20 } }
    });
    if (!result.ok) {
      expect(englishMessage(result.problem)).toContain('above the 2^20 this app accepts');
    }
    expect(stages).toEqual([]);
  });

  it('a file that is not an age file', async () => {
    const result = await decryptAge('answers.csv', bytesOf('country\r\nKE\r\n'), {
      passphrase: 'p'
    });
    expect(result).toMatchObject({
      ok: false,
      problem: { file: 'answers.csv', code: 'age.not-age' }
    });
  });

  it('an empty passphrase, without running scrypt', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    expect(await decryptAge('a.age', file, { passphrase: '' })).toMatchObject({
      ok: false,
      problem: { code: 'age.passphrase-empty' }
    });
  });
});

describe('decryptAge opens', () => {
  it('armoured files with CRLF line ends and blank space around them', async () => {
    const file = await sealed(CONTENT, { passphrase: 'p' });
    const windows = `\r\n${text(armored(file)).replaceAll('\n', '\r\n')}  \r\n`;
    const result = await decryptAge('a.age', bytesOf(windows), { passphrase: 'p' });
    expect(result.ok && text(result.bytes)).toBe(CONTENT);
  });

  it('with any one of several keys the user holds', async () => {
    const mine = await testKey();
    const old = await testKey();
    const file = await sealed('x', { recipients: [mine.recipient] });
    const result = await decryptAge('a.age', file, { identities: [old.identity, mine.identity] });
    expect(result.ok && text(result.bytes)).toBe('x');
  });
});
