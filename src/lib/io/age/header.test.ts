import { describe, expect, it } from 'vitest';
import { englishMessage } from '../testing/problem-words';
import { detectAge, inspectAge } from './header';
import {
  armored,
  bytesOf,
  headerOf,
  sealed,
  TEST_WORK_FACTOR,
  testKey,
  withHeader
} from './test-files';

describe('detectAge', () => {
  it('recognises the binary form by its first line', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    expect(detectAge(file)).toBe('binary');
  });

  it('recognises the armoured form, even after blank lines or a byte-order mark', async () => {
    const file = await sealed('x', { passphrase: 'p' }, { armor: true });
    expect(detectAge(file)).toBe('armored');
    const padded = bytesOf(`\uFEFF\r\n  ${new TextDecoder().decode(file)}`);
    expect(detectAge(padded)).toBe('armored');
  });

  it('says no for other files, and for the version line without its newline', () => {
    expect(detectAge(bytesOf('country,assessment_id\r\n'))).toBeNull();
    expect(detectAge(bytesOf('{"format":"ncs-backup"}'))).toBeNull();
    expect(detectAge(bytesOf('age-encryption.org/v1'))).toBeNull();
    expect(detectAge(new Uint8Array())).toBeNull();
  });
});

describe('inspectAge', () => {
  it('asks for a passphrase, with the work factor, for a passphrase file', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    expect(inspectAge('a.age', file)).toEqual({
      ok: true,
      format: 'binary',
      needs: 'passphrase',
      workFactor: TEST_WORK_FACTOR
    });
  });

  it('asks for a key, counting the recipients, for a file encrypted to public keys', async () => {
    const recipients = [(await testKey()).recipient, (await testKey()).recipient];
    const file = await sealed('x', { recipients }, { armor: true });
    expect(inspectAge('a.age', file)).toEqual({
      ok: true,
      format: 'armored',
      needs: 'identity',
      recipients: 2
    });
  });

  it('refuses a work factor of 2^23 from the header alone', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    const crafted = withHeader(file, headerOf(file).replace(/ 10\n/, ' 23\n'));
    expect(headerOf(crafted)).toMatch(/^-> scrypt \S+ 23$/m);
    const result = inspectAge('big.age', crafted);
    expect(result).toMatchObject({
      ok: false,
      problem: { file: 'big.age', code: 'age.work-factor-too-high', params: { workFactor: 23 } }
    });
    if (!result.ok) expect(englishMessage(result.problem)).toContain('2^23');
  });

  it('refuses 2^21 too, which the library cannot open, and accepts 2^20', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    const at = (factor: number) =>
      inspectAge('a.age', withHeader(file, headerOf(file).replace(/ 10\n/, ` ${factor}\n`)));
    expect(at(21)).toMatchObject({ ok: false, problem: { params: { limit: 20 } } });
    expect(at(20)).toMatchObject({ ok: true, workFactor: 20 });
  });

  it('names key types it cannot use', async () => {
    const file = await sealed('x', { recipients: [(await testKey()).recipient] });
    const ssh = headerOf(file).replace('-> X25519 ', '-> ssh-ed25519 Zm9vYmFy ');
    const result = inspectAge('a.age', withHeader(file, ssh));
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'age.unsupported-stanza', params: { types: 'ssh-ed25519' } }
    });
  });

  it('says a file cut inside its header, or right after it, was cut short', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    const headerLength = bytesOf(headerOf(file)).length;
    for (const length of [30, headerLength - 5, headerLength + 10]) {
      expect(inspectAge('a.age', file.subarray(0, length))).toMatchObject({
        ok: false,
        problem: { code: 'age.truncated' }
      });
    }
  });

  it('says an armoured file without its last line was cut short', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    const cut = new TextDecoder().decode(armored(file)).split('\n').slice(0, -2).join('\n');
    expect(inspectAge('a.age', bytesOf(cut))).toMatchObject({
      ok: false,
      problem: { code: 'age.truncated' }
    });
  });

  it('calls a malformed header damaged', async () => {
    const file = await sealed('x', { passphrase: 'p' });
    const header = headerOf(file);
    const broken = [
      header.replace('-> scrypt', '->  scrypt'),
      header.replace('\n---', '\nxyz'),
      header.replace('-> scrypt', '-> scrypt extra'),
      header.replace(/-> scrypt .*\n/, (line) => `${line}${line}`)
    ];
    for (const changed of broken) {
      expect(inspectAge('a.age', withHeader(file, changed))).toMatchObject({
        ok: false,
        problem: { code: 'age.damaged', params: { part: 'header' } }
      });
    }
  });

  it('says a file that is not age is not age', () => {
    expect(inspectAge('notes.txt', bytesOf('hello'))).toMatchObject({
      ok: false,
      problem: { file: 'notes.txt', code: 'age.not-age' }
    });
  });
});
