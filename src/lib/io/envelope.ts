/**
 * The envelope around every JSON file the app exports (docs/file-formats.md): which format, which
 * version of it, which app made it and when, the content, and a SHA-256 of the content.
 *
 * The checksum is computed with @noble/hashes, not `crypto.subtle`, because plain-http workshop
 * intranets have no secure context and so no `crypto.subtle` (docs/architecture.md, "Offline and
 * the service worker"). It covers `JSON.stringify(content)` as UTF-8. `JSON.parse` followed by
 * `JSON.stringify` gives back the same text for anything `JSON.stringify` wrote, so the importer
 * recomputes the hash from the parsed content and does not depend on the file's whitespace.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The format names this app writes. Keep in sync with `FORMAT_LABELS` below. */
export const BUNDLE_FORMAT = 'ncs-assessment-bundle';
export const BACKUP_FORMAT = 'ncs-backup';
export type EnvelopeFormat = typeof BUNDLE_FORMAT | typeof BACKUP_FORMAT;

/** How a format is named in messages to the user. */
const FORMAT_LABELS: Record<EnvelopeFormat, string> = {
  [BUNDLE_FORMAT]: 'an NCS Self-Assessment bundle',
  [BACKUP_FORMAT]: 'an NCS Self-Assessment backup'
};

/** What the user should do with a file of the other known format. */
const FORMAT_HINTS: Record<EnvelopeFormat, string> = {
  [BUNDLE_FORMAT]: 'import it under "Import assessments" instead',
  [BACKUP_FORMAT]: 'restore it under "Backup and restore" instead'
};

/**
 * The format version this app writes (bundles and backups alike). A file with a higher number
 * was made by a newer app and is refused; a lower number goes through the format's upgraders.
 */
export const CURRENT_FORMAT_VERSION = 1;

export interface Envelope<T = unknown> {
  format: EnvelopeFormat;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  content: T;
  sha256: string;
}

/** Turns content of format version n into content of version n + 1; may throw on bad input. */
export type Upgrader = (content: unknown) => unknown;

/**
 * Upgraders keyed by the version they upgrade *from*: `{ 0: v0ToV1 }`. Every step from the
 * file's version up to the current one must be present.
 */
export type UpgraderChain = Readonly<Partial<Record<number, Upgrader>>>;

/**
 * The chains the app uses. Empty: version 1 is the first format version. When version 2 comes,
 * add `{ 1: upgradeV1ToV2 }` here and raise `CURRENT_FORMAT_VERSION`.
 */
export const UPGRADERS: Readonly<Record<EnvelopeFormat, UpgraderChain>> = {
  [BUNDLE_FORMAT]: {},
  [BACKUP_FORMAT]: {}
};

export type EnvelopeProblem =
  | 'empty'
  | 'not-json'
  | 'wrong-format'
  | 'bad-version'
  | 'newer-version'
  | 'checksum'
  | 'no-upgrade'
  | 'upgrade-failed';

export type UnwrapResult =
  | {
      ok: true;
      /** The content, upgraded to the current format version; not yet validated. */
      content: unknown;
      formatVersion: number;
      appVersion: string;
      exportedAt: string;
      /** The version the file was written in, when it was older than the current one. */
      upgradedFrom?: number;
    }
  | {
      ok: false;
      file: string;
      problem: EnvelopeProblem;
      /** What is wrong and what to do, without the file name (for lists that name it once). */
      reason: string;
      /** The same, starting with the file name. */
      message: string;
    };

export interface UnwrapOptions {
  /** Replaces the format's upgrader chain (tests register a test-only version 0 here). */
  upgraders?: UpgraderChain;
  /** Replaces `CURRENT_FORMAT_VERSION` (tests only). */
  currentVersion?: number;
}

/**
 * Hex SHA-256 of `JSON.stringify(content)` encoded as UTF-8.
 * @example contentHash({ a: 1 }) // '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
 */
export function contentHash(content: unknown): string {
  return bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(content) ?? '')));
}

/**
 * Puts content in an envelope of the current format version.
 * @example wrap(BUNDLE_FORMAT, { assessments: [], questionnaires: [] }, '0.1.0').sha256
 */
export function wrap<T>(
  format: EnvelopeFormat,
  content: T,
  appVersion: string,
  exportedAt: string = new Date().toISOString(),
  formatVersion: number = CURRENT_FORMAT_VERSION
): Envelope<T> {
  return { format, formatVersion, appVersion, exportedAt, content, sha256: contentHash(content) };
}

/**
 * SHA-256 of a text as UTF-8, in hex. Native `crypto.subtle` where the page has it (https,
 * localhost: about ten times faster on a backup of tens of megabytes), @noble/hashes where it
 * does not (plain http). Both compute the same standard digest.
 * @example await sha256Hex('abc') // 'ba7816bf…'
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
    } catch {
      // Some browsers expose subtle but refuse it outside secure contexts: use the library.
    }
  }
  return bytesToHex(sha256(bytes));
}

/**
 * The file text of an envelope for export, with the content stringified once — a backup runs to
 * tens of megabytes. The same text `envelopeText(wrap(…))` gives (a test checks it).
 * @example const { text } = await envelopeFile(BACKUP_FORMAT, content, '0.1.0');
 */
export async function envelopeFile(
  format: EnvelopeFormat,
  content: unknown,
  appVersion: string,
  exportedAt: string = new Date().toISOString()
): Promise<{ text: string; exportedAt: string }> {
  const json = JSON.stringify(content);
  const hash = await sha256Hex(json);
  // Same key order as Envelope, so the text equals JSON.stringify of the envelope object.
  const head = JSON.stringify({
    format,
    formatVersion: CURRENT_FORMAT_VERSION,
    appVersion,
    exportedAt
  });
  return { text: `${head.slice(0, -1)},"content":${json},"sha256":"${hash}"}`, exportedAt };
}

/**
 * The file text of an envelope: compact JSON (backups of thousands of assessments stay small).
 * @example envelopeText(wrap(BACKUP_FORMAT, content, '0.1.0')) // '{"format":"ncs-backup",…}'
 */
export function envelopeText(envelope: Envelope): string {
  return JSON.stringify(envelope);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKnownFormat(value: string): value is EnvelopeFormat {
  return Object.prototype.hasOwnProperty.call(FORMAT_LABELS, value);
}

/** Reads a property without ever reaching the prototype chain (`JSON.parse` may make `__proto__`). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Opens an envelope: checks that the text is JSON, that it is the expected format, that its
 * version is one this app can read, that the checksum matches, and upgrades older versions.
 * Never throws; every refusal names the file and says what to do.
 * @example
 * const opened = unwrap('kenya.json', text, BUNDLE_FORMAT);
 * if (!opened.ok) show(opened.message); // "kenya.json: the file was changed after export …"
 */
export function unwrap(
  file: string,
  text: string,
  expectedFormat: EnvelopeFormat,
  options: UnwrapOptions = {}
): UnwrapResult {
  const expected = FORMAT_LABELS[expectedFormat];
  const fail = (problem: EnvelopeProblem, reason: string): UnwrapResult => ({
    ok: false,
    file,
    problem,
    reason,
    message: `${file}: ${reason}`
  });
  const notOurs = `this is not ${expected}: choose a file the app exported as ${expected.replace(/^an? /, '')}.`;

  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fail('empty', `the file is empty. ${notOurs}`);
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return fail(
      'not-json',
      `the file is not valid JSON${detail}: it may be damaged or incomplete. ${notOurs}`
    );
  }
  if (!isRecord(data)) return fail('wrong-format', notOurs);

  const format = own(data, 'format');
  if (typeof format !== 'string') return fail('wrong-format', notOurs);
  if (format !== expectedFormat) {
    if (isKnownFormat(format)) {
      return fail(
        'wrong-format',
        `this is ${FORMAT_LABELS[format]}, not ${expected}: ${FORMAT_HINTS[format]}.`
      );
    }
    return fail('wrong-format', notOurs);
  }

  const version = own(data, 'formatVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail(
      'bad-version',
      `"formatVersion" must be a whole number, found ${JSON.stringify(version) ?? 'nothing'}: the file is damaged; export it again.`
    );
  }
  const current = options.currentVersion ?? CURRENT_FORMAT_VERSION;
  if (version > current) {
    return fail(
      'newer-version',
      `this file was made by a newer version of the app — update the app (it reads format version ${current}; the file is version ${version}).`
    );
  }

  const recorded = own(data, 'sha256');
  const content = own(data, 'content');
  if (content === undefined) {
    return fail(
      'wrong-format',
      `the file has no "content": it is damaged or incomplete; export it again.`
    );
  }
  if (typeof recorded !== 'string' || recorded.toLowerCase() !== contentHash(content)) {
    return fail(
      'checksum',
      `the file was changed after export (checksum mismatch): one or more characters differ from what the app wrote. Ask the sender to export it again and send the file unchanged.`
    );
  }

  const appVersion = own(data, 'appVersion');
  const exportedAt = own(data, 'exportedAt');
  const meta = {
    formatVersion: current,
    appVersion: typeof appVersion === 'string' ? appVersion : '',
    exportedAt: typeof exportedAt === 'string' ? exportedAt : ''
  };
  if (version === current) return { ok: true, content, ...meta };

  const chain = options.upgraders ?? UPGRADERS[expectedFormat];
  let upgraded: unknown = content;
  for (let from = version; from < current; from++) {
    const step = chain[from];
    if (!step) {
      return fail(
        'no-upgrade',
        `format version ${version} is too old for this app to read (it reads versions from ${oldestReadable(chain, current)} on): open the file in an earlier version of the app and export it again.`
      );
    }
    try {
      upgraded = step(upgraded);
    } catch (error) {
      const detail = error instanceof Error ? `: ${error.message}` : '';
      return fail(
        'upgrade-failed',
        `could not convert the file from format version ${from} to ${from + 1}${detail}. Export it again with a current version of the app.`
      );
    }
  }
  return { ok: true, content: upgraded, ...meta, upgradedFrom: version };
}

/** The lowest version from which an unbroken chain of upgraders reaches the current one. */
function oldestReadable(chain: UpgraderChain, current: number): number {
  let oldest = current;
  while (oldest > 0 && chain[oldest - 1]) oldest--;
  return oldest;
}
