import { generateHybridIdentity, generateIdentity, identityToRecipient } from 'age-encryption';
import { englishMessage } from '../testing/problem-words';
import { describe, expect, it } from 'vitest';
import { checkRecipient, checkRecipients, parseRecipientList } from './recipients';

async function newRecipient(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The same key with its last character changed, so its checksum no longer matches. */
function withBadChecksum(recipient: string): string {
  const last = recipient.at(-1) === 'q' ? 'p' : 'q';
  return recipient.slice(0, -1) + last;
}

describe('checkRecipient', () => {
  it('accepts an X25519 public key, ignoring the spaces around it', async () => {
    const { recipient } = await newRecipient();
    expect(checkRecipient('keys', `  ${recipient}\n`)).toEqual({ ok: true, recipient });
  });

  it('accepts a key written in capitals, as bech32 allows, and lowers it', async () => {
    const { recipient } = await newRecipient();
    expect(checkRecipient('keys', recipient.toUpperCase())).toEqual({ ok: true, recipient });
  });

  it('refuses a post-quantum key and says the common age tools cannot read it', async () => {
    const recipient = await identityToRecipient(await generateHybridIdentity());
    expect(recipient.startsWith('age1pq1')).toBe(true);
    const result = checkRecipient('keys', recipient, 2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('age.recipient-post-quantum');
    expect(englishMessage(result.problem)).toContain(
      'the common age 1.1 tools cannot read post-quantum keys'
    );
    expect(englishMessage(result.problem)).toContain('Recipient 2 (age1pq1');
  });

  it('refuses a key whose checksum is wrong, naming it', async () => {
    const { recipient } = await newRecipient();
    const bad = withBadChecksum(recipient);
    const result = checkRecipient('keys', bad, 3);
    expect(result).toMatchObject({
      ok: false,
      problem: { file: 'keys', code: 'age.recipient-invalid', params: { position: 3 } }
    });
    if (result.ok) return;
    expect(englishMessage(result.problem)).toContain(
      `Recipient 3 (${bad.slice(0, 12)}…${bad.slice(-6)})`
    );
  });

  it('refuses a key cut short and text that is no key', async () => {
    const { recipient } = await newRecipient();
    expect(checkRecipient('keys', recipient.slice(0, 40))).toMatchObject({
      ok: false,
      problem: { code: 'age.recipient-invalid' }
    });
    expect(checkRecipient('keys', 'my key')).toMatchObject({
      ok: false,
      problem: { code: 'age.recipient-invalid', params: { recipient: 'my key' } }
    });
  });

  it('refuses a secret key without ever repeating it', async () => {
    const { identity } = await newRecipient();
    const result = checkRecipient('keys', identity);
    expect(result).toMatchObject({ ok: false, problem: { code: 'age.recipient-is-secret' } });
    expect(JSON.stringify(result)).not.toContain(identity.slice(16, 30));
  });

  it('refuses SSH, plugin and hardware keys, saying what they are', () => {
    const ssh = checkRecipient('keys', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3x user@host');
    expect(ssh).toMatchObject({ ok: false, problem: { code: 'age.recipient-unsupported' } });
    if (!ssh.ok) expect(englishMessage(ssh.problem)).toContain('an SSH public key');
    const plugin = checkRecipient('keys', 'age1yubikey1qwertyqwertyqwerty');
    expect(plugin).toMatchObject({ ok: false, problem: { code: 'age.recipient-unsupported' } });
  });
});

describe('checkRecipients', () => {
  it('keeps each key once, in order', async () => {
    const a = (await newRecipient()).recipient;
    const b = (await newRecipient()).recipient;
    expect(checkRecipients('f', [b, a, b])).toEqual({ ok: true, recipients: [b, a] });
  });

  it('reports every bad key at once, each by its position', async () => {
    const { recipient } = await newRecipient();
    const result = checkRecipients('f', ['nonsense', recipient, withBadChecksum(recipient)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.params?.position)).toEqual([1, 3]);
  });

  it('asks for a key when there is none', () => {
    expect(checkRecipients('f', [])).toMatchObject({
      ok: false,
      problems: [{ code: 'age.no-key' }]
    });
  });
});

describe('parseRecipientList', () => {
  it('reads one key per line, skipping comments and blank lines, as the age tool does', async () => {
    const a = (await newRecipient()).recipient;
    const b = (await newRecipient()).recipient;
    const text = `# Ministry of ICT\r\n${a}\r\n\r\n  # advisor\n${b}\n`;
    expect(parseRecipientList('pasted keys', text)).toEqual({ ok: true, recipients: [a, b] });
  });

  it('counts positions by key, not by line', async () => {
    const { recipient } = await newRecipient();
    const result = parseRecipientList('pasted keys', `# first\n${recipient}\n\nage1oops\n`);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'age.recipient-invalid', params: { position: 2 } }]
    });
  });
});
