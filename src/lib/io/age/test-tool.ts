/**
 * Test-only: runs the standard `age` command-line tool (Debian's `age` package, installed by
 * `npm run setup:test`) on files in a scratch folder, to prove that files made here open there
 * and the other way round.
 *
 * `age` reads passphrases only from a terminal, never from standard input or the environment
 * (age 1.1 has no AGE_PASSPHRASE). `script` (util-linux, in every Debian system) gives it one:
 * it runs the command on a pseudo-terminal and types what it reads from its own standard input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch folder for one test file's exchanges with the tool. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'ncs-age-'));

  path(name: string): string {
    return join(this.dir, name);
  }

  write(name: string, content: Uint8Array | string): string {
    writeFileSync(this.path(name), content);
    return this.path(name);
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(this.path(name)));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs `age` (or `age-keygen`) with arguments; standard input from `input`. */
export function runTool(program: 'age' | 'age-keygen', args: string[], input?: string): ToolRun {
  const run = spawnSync(program, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs `age` on a terminal and types `lines` (each followed by Enter) when it asks: a
 * passphrase to decrypt, or a passphrase and its confirmation to encrypt. Write the output with
 * `-o`: anything age prints goes through the terminal and is returned as `stdout`.
 */
export function runAgeOnTerminal(args: string[], lines: string[]): ToolRun {
  const command = ['age', ...args].map(shellQuote).join(' ');
  const input = lines.map((line) => `${line}\n`).join('');
  // -q: no "Script started" lines; -e: exit with age's status; -c: the command; log to nowhere.
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    input,
    encoding: 'utf8',
    timeout: 60_000
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
