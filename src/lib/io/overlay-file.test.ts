import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const base = 'src/lib/io/fixtures/mini-second.yaml';
const dir = 'src/lib/io/fixtures/overlays';

function validate(...files: string[]): { status: number; out: string; err: string } {
  try {
    const out = execFileSync(tsx, ['scripts/validate.ts', '--base', base, ...files], {
      encoding: 'utf8',
      stdio: 'pipe'
    });
    return { status: 0, out, err: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: err.stdout, err: err.stderr };
  }
}

// The command line loads the messages of both languages: as slow as the other CLI tests.
describe('npm run validate on translation overlays', () => {
  it('lists the strings left in English with their count, and passes the file', () => {
    const { status, out } = validate(`${dir}/mini-second.fr.yaml`);
    expect(status).toBe(0);
    expect(out).toContain(
      `${dir}/mini-second.fr.yaml: valid — fr of mini-second 2.0.0, 64 of 68 strings translated; ` +
        `4 not translated yet (shown in English):\n` +
        '  summary\n  scale.5.description\n' +
        '  sections.response.questions.takedown.recommendations.4\n' +
        '  sections.cooperation.questions.christchurch-call.options.listed\n'
    );
  }, 60_000);

  it('fails on a stale base version and on an unknown key, naming file and path', () => {
    const { status, err } = validate(`${dir}/stale.fr.yaml`, `${dir}/unknown-key.fr.yaml`);
    expect(status).toBe(1);
    expect(err).toContain(
      `${dir}/stale.fr.yaml: baseVersion: this translation is of version 1.0.0, but the ` +
        'questionnaire is now version 2.0.0: translate what changed, then write baseVersion: 2.0.0'
    );
    expect(err).toContain(
      `${dir}/unknown-key.fr.yaml: sections.reserach: “reserach” is not in the questionnaire ` +
        'this file translates: check the spelling against the English file, or remove it'
    );
  }, 60_000);
});
