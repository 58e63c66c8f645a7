/**
 * The envelope around every JSON file the app exports (docs/file-formats.md, "The JSON
 * envelope"): which format, which version of it, which app made it and when, the content, and a
 * SHA-256 checksum.
 *
 * Since format version 2 the checksum covers the whole envelope — `JSON.stringify` of every key
 * but `sha256`, in the file's order — so a damaged date, app version or format version is
 * detected like damaged content; version 1 files carry a checksum of `JSON.stringify(content)`
 * only and are still read. The checksum detects damage, not tampering: anyone can recompute it,
 * so screens say "checked for damage" and show what a file states about itself as stated.
 *
 * The import check uses @noble/hashes, not `crypto.subtle`, because plain-http workshop
 * intranets have no secure context and so no `crypto.subtle` (a restore may pass a hash of the
 * file's own bytes, computed natively where it can: see `readEnvelopeBytes`). `JSON.parse`
 * followed by `JSON.stringify` gives back the same text for anything `JSON.stringify` wrote, so
 * the importer recomputes the hash from the parsed file and does not depend on its whitespace.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { STAKEHOLDER_GROUPS } from '../domain/assessment/model';
import { workshopGroupsOf } from '../domain/workshop/first-release';
import type { StakeholderGroup } from '../domain/workshop/groups';
import type { FileProblem, ProblemParams } from '../domain/problems';

/** The format names this app writes. Keep in sync with `FORMAT_KINDS` below. */
export const BUNDLE_FORMAT = 'ncs-assessment-bundle';
export const BACKUP_FORMAT = 'ncs-backup';
/** A workshop kit and a group's response to it (io/workshop-kit.ts, io/group-response.ts). */
export const WORKSHOP_KIT_FORMAT = 'ncs-workshop-kit';
export const GROUP_RESPONSE_FORMAT = 'ncs-group-response';
export type EnvelopeFormat =
  | typeof BUNDLE_FORMAT
  | typeof BACKUP_FORMAT
  | typeof WORKSHOP_KIT_FORMAT
  | typeof GROUP_RESPONSE_FORMAT;

/** How a format is named in a problem's params (its message says it in words). */
const FORMAT_KINDS: Record<EnvelopeFormat, 'bundle' | 'backup' | 'kit' | 'response'> = {
  [BUNDLE_FORMAT]: 'bundle',
  [BACKUP_FORMAT]: 'backup',
  [WORKSHOP_KIT_FORMAT]: 'kit',
  [GROUP_RESPONSE_FORMAT]: 'response'
};

/**
 * What kind of file a format name is ('bundle', 'backup', 'kit', 'response'), or 'other'.
 * @example formatKind('ncs-workshop-kit') // 'kit'
 */
export function formatKind(format: unknown): string {
  return typeof format === 'string' && isKnownFormat(format) ? FORMAT_KINDS[format] : 'other';
}

/**
 * The format version this app writes (bundles and backups alike). A file with a higher number
 * was made by a newer app and is refused; a lower number goes through the format's upgraders.
 * Version 2: the checksum covers the whole envelope (version 1: the content only).
 * Version 3: bundles and backups carry action plans.
 * Version 4: bundles and backups carry workshops' groups, group answers and consensus history.
 */
export const CURRENT_FORMAT_VERSION = 4;

/** The first format version whose checksum covers the whole envelope, not only the content. */
export const WHOLE_ENVELOPE_CHECKSUM_SINCE = 2;

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

/** Version 1 to 2 changed only what the checksum covers: the content stays as it is. */
const sameContent: Upgrader = (content) => content;

/** Version 2 to 3, bundles: each assessment gets an empty action plan. */
const bundleWithActions: Upgrader = (content) => {
  if (!isRecord(content) || !Array.isArray(content['assessments'])) return content;
  return {
    ...content,
    assessments: content['assessments'].map((item: unknown) =>
      isRecord(item) && !('actions' in item) ? { ...item, actions: [] } : item
    )
  };
};

/** Version 2 to 3, backups: no action plans yet. */
const backupWithActions: Upgrader = (content) =>
  isRecord(content) && !('actions' in content) ? { ...content, actions: [] } : content;

/**
 * Version 3 to 4, bundles: each assessment gets no group answers and no consensus history; a
 * first-release workshop's participants become its groups (as the database upgrader does).
 */
const bundleWithWorkshops: Upgrader = (content) => {
  if (!isRecord(content) || !Array.isArray(content['assessments'])) return content;
  return {
    ...content,
    assessments: content['assessments'].map((item: unknown) => {
      if (!isRecord(item)) return item;
      return {
        ...item,
        assessment: withWorkshopGroups(item['assessment']),
        groupAnswers: item['groupAnswers'] ?? {},
        consensusHistory: item['consensusHistory'] ?? []
      };
    })
  };
};

/** Version 3 to 4, backups: no group answers yet; workshops get their groups. */
const backupWithWorkshops: Upgrader = (content) => {
  if (!isRecord(content)) return content;
  const assessments = content['assessments'];
  return {
    ...content,
    ...(Array.isArray(assessments) ? { assessments: assessments.map(withWorkshopGroups) } : {}),
    groupAnswers: content['groupAnswers'] ?? []
  };
};

/** A first-release assessment with its participants' groups as workshop groups, when it has some. */
function withWorkshopGroups(assessment: unknown): unknown {
  if (!isRecord(assessment) || 'groups' in assessment) return assessment;
  const provenance = assessment['provenance'];
  if (!isRecord(provenance) || provenance['mode'] !== 'workshop') return assessment;
  const participants = provenance['participants'];
  if (!Array.isArray(participants)) return assessment;
  const known: readonly unknown[] = STAKEHOLDER_GROUPS;
  const groups: StakeholderGroup[] = [];
  for (const p of participants) {
    // Anything unexpected is left for the parser to report.
    if (!isRecord(p) || !known.includes(p['group'])) return assessment;
    groups.push(p['group'] as StakeholderGroup);
  }
  const made = workshopGroupsOf({
    provenance: {
      mode: 'workshop',
      participants: groups.map((group) => ({ organisation: '', group }))
    }
  });
  return made.length > 0 ? { ...assessment, groups: made } : assessment;
}

/**
 * The chains the app uses. When version 5 comes, add `{ 4: upgradeV4ToV5 }` to each and raise
 * `CURRENT_FORMAT_VERSION`. An upgrader leaves content it cannot read as it is: the parser then
 * reports what is wrong with it.
 */
export const UPGRADERS: Readonly<Record<EnvelopeFormat, UpgraderChain>> = {
  [BUNDLE_FORMAT]: { 1: sameContent, 2: bundleWithActions, 3: bundleWithWorkshops },
  [BACKUP_FORMAT]: { 1: sameContent, 2: backupWithActions, 3: backupWithWorkshops },
  // Kits and responses were first written at version 4.
  [WORKSHOP_KIT_FORMAT]: {},
  [GROUP_RESPONSE_FORMAT]: {}
};

export type EnvelopeProblem =
  | 'empty'
  | 'not-json'
  | 'wrong-format'
  | 'bad-version'
  | 'newer-version'
  | 'too-deep'
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
      /** The problem as data, for the renderer (docs/languages.md, "Problems"). */
      fileProblem: FileProblem;
    };

export interface UnwrapOptions {
  /**
   * A text and the hex SHA-256 of its UTF-8, already computed by the caller (`readEnvelopeBytes`
   * hashes the bytes the checksum covers as they sit in the file). When what the checksum covers
   * — the envelope without `sha256` since version 2, the content in version 1 — stringifies to
   * exactly this text, the checksum is compared with this hash instead of hashing again: the
   * same check, without a second pass over tens of megabytes. Any other text is ignored.
   */
  knownHash?: { text: string; sha256: string };
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
 * Hex SHA-256 of an envelope without its `sha256` key: of `JSON.stringify` of every other key in
 * the order given (the checksum of format version 2 and later).
 * @example envelopeHash({ format: 'ncs-backup', formatVersion: 2, appVersion: '0.1.0', exportedAt: '…', content: {} })
 */
export function envelopeHash(fields: Readonly<Record<string, unknown>>): string {
  return bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(fields))));
}

/**
 * Puts content in an envelope of the current format version (older versions for tests only,
 * with the checksum that version had).
 * @example wrap(BUNDLE_FORMAT, { assessments: [], questionnaires: [] }, '0.1.0').sha256
 */
export function wrap<T>(
  format: EnvelopeFormat,
  content: T,
  appVersion: string,
  exportedAt: string = new Date().toISOString(),
  formatVersion: number = CURRENT_FORMAT_VERSION
): Envelope<T> {
  const fields = { format, formatVersion, appVersion, exportedAt, content };
  const checksum =
    formatVersion >= WHOLE_ENVELOPE_CHECKSUM_SINCE ? envelopeHash(fields) : contentHash(content);
  return { ...fields, sha256: checksum };
}

/**
 * SHA-256 of a text as UTF-8, in hex (see `sha256BytesHex`).
 * @example await sha256Hex('abc') // 'ba7816bf…'
 */
export function sha256Hex(text: string): Promise<string> {
  return sha256BytesHex(new TextEncoder().encode(text));
}

/**
 * SHA-256 of bytes, in hex. Native `crypto.subtle` where the page has it (https, localhost:
 * about ten times faster on a backup of tens of megabytes), @noble/hashes where it does not
 * (plain http). Both compute the same standard digest.
 * @example await sha256BytesHex(new Uint8Array([97, 98, 99])) // 'ba7816bf…'
 */
export async function sha256BytesHex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource)));
    } catch {
      // Some browsers expose subtle but refuse it outside secure contexts: use the library.
    }
  }
  return bytesToHex(sha256(bytes));
}

/**
 * The file of an envelope for export, with the content stringified and encoded once — a backup
 * runs to tens of megabytes: the bytes the checksum covers are hashed and go into the file as
 * they are.
 * Its text is the same as `envelopeText(wrap(…))` (a test checks it).
 * @example const { blob } = await envelopeFile(BACKUP_FORMAT, content, '0.1.0');
 */
export async function envelopeFile(
  format: EnvelopeFormat,
  content: unknown,
  appVersion: string,
  exportedAt: string = new Date().toISOString()
): Promise<{ blob: Blob; exportedAt: string }> {
  const encoder = new TextEncoder();
  // Same key order as Envelope, so the text equals JSON.stringify of the envelope object.
  const head = JSON.stringify({
    format,
    formatVersion: CURRENT_FORMAT_VERSION,
    appVersion,
    exportedAt
  });
  // The checksum covers every key but sha256 (what envelopeHash stringifies): the file up to
  // the end of the content, closed with "}". Those bytes are encoded once, in one piece (no copy
  // of tens of megabytes), hashed, then written as they are.
  const covered = encoder.encode(`${head.slice(0, -1)},"content":${JSON.stringify(content)}}`);
  const hash = await sha256BytesHex(covered);
  const parts = [covered.subarray(0, -1), encoder.encode(`,"sha256":"${hash}"}`)];
  return { blob: new Blob(parts as BlobPart[], { type: 'application/json' }), exportedAt };
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

/**
 * Hex SHA-256 of `JSON.stringify(value)` as UTF-8 (what `envelopeHash` and `contentHash`
 * compute), taken from `options.knownHash` only when that hash is of exactly the same text.
 */
function hashOf(value: unknown, options: UnwrapOptions): string {
  const json = JSON.stringify(value) ?? '';
  const known = options.knownHash;
  if (known && known.text === json) return known.sha256;
  return bytesToHex(sha256(new TextEncoder().encode(json)));
}

/** The end of every envelope this app writes: `,"sha256":"<64 hex digits>"}`. */
const TAIL = /,"sha256":"[0-9a-f]{64}"\}$/;
const TAIL_LENGTH = ',"sha256":""}'.length + 64;
const CONTENT_KEY = ',"content":';
const CLOSE_BRACE = 0x7d;

/** The format version a file states in the part before its content, if that part parses. */
function statedVersion(head: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(`${head}}`);
    const version = isRecord(parsed) ? own(parsed, 'formatVersion') : undefined;
    return typeof version === 'number' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file's text, decoded as `File.text()` decodes it (UTF-8, a leading byte order mark
 * dropped, broken sequences replaced), and — when the bytes are valid UTF-8 laid out as this
 * app writes envelopes — the SHA-256 of exactly the text the checksum covers, computed from the
 * bytes as they are (natively where the page allows): for format version 2 on, the file without
 * its `,"sha256":"…"}` tail and closed with `}`; for version 1, the text between `"content":`
 * and the checksum. Pass both to `unwrap`: it still checks that what it would hash stringifies
 * to exactly that text, so the check is the same as the normal one, and any other file is
 * hashed the usual way.
 * @example const { text, knownHash } = await readEnvelopeBytes(bytes); unwrap(name, text, BACKUP_FORMAT, { knownHash });
 */
export async function readEnvelopeBytes(
  bytes: Uint8Array
): Promise<{ text: string; knownHash?: { text: string; sha256: string } }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes) };
  }
  const at = text.indexOf(CONTENT_KEY);
  if (at < 0 || !TAIL.test(text.slice(-TAIL_LENGTH))) return { text };
  const version = statedVersion(text.slice(0, at));
  if (version === undefined) return { text };
  // Byte offsets: the head is re-encoded (it is short); the tail is ASCII.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length - TAIL_LENGTH;
  if (version < WHOLE_ENVELOPE_CHECKSUM_SINCE) {
    // Version 1: the checksum covers the content only.
    const start = bom + new TextEncoder().encode(text.slice(0, at + CONTENT_KEY.length)).length;
    if (end < start) return { text };
    const sha256 = await sha256BytesHex(bytes.subarray(start, end));
    return { text, knownHash: { text: text.slice(at + CONTENT_KEY.length, -TAIL_LENGTH), sha256 } };
  }
  // Version 2 on: every key but sha256, that is the file without its tail, closed with "}".
  if (end < bom) return { text };
  const covered = new Uint8Array(end - bom + 1);
  covered.set(bytes.subarray(bom, end));
  covered[covered.length - 1] = CLOSE_BRACE;
  const sha256 = await sha256BytesHex(covered);
  return { text, knownHash: { text: `${text.slice(0, -TAIL_LENGTH)}}`, sha256 } };
}

function isKnownFormat(value: string): value is EnvelopeFormat {
  return Object.prototype.hasOwnProperty.call(FORMAT_KINDS, value);
}

/** Reads a property without ever reaching the prototype chain (`JSON.parse` may make `__proto__`). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Every key of a parsed envelope but `sha256`, in the file's order, as own data properties (a
 * `__proto__` key from `JSON.parse` stays a plain key).
 */
function withoutChecksum(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'sha256'));
}

/**
 * Opens an envelope: checks that the text is JSON, that it is the expected format, that its
 * version is one this app can read, that the checksum matches, and upgrades older versions.
 * Never throws; every refusal is a problem naming the file (codes `envelope.*`).
 * @example
 * const opened = unwrap('kenya.json', text, BUNDLE_FORMAT);
 * if (!opened.ok) show(problemText(opened.fileProblem)); // "kenya.json: the file is damaged …"
 */
export function unwrap(
  file: string,
  text: string,
  expectedFormat: EnvelopeFormat,
  options: UnwrapOptions = {}
): UnwrapResult {
  const expected = FORMAT_KINDS[expectedFormat];
  const fail = (
    problem: EnvelopeProblem,
    code: string,
    params: ProblemParams = {}
  ): UnwrapResult => ({
    ok: false,
    file,
    problem,
    fileProblem: { file, code, params: { expected, ...params } }
  });

  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fail('empty', 'envelope.empty');
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return fail('not-json', 'envelope.not-json');
  }
  if (!isRecord(data)) return fail('wrong-format', 'envelope.not-ours');
  // Hashing and validating walk the document recursively: a file nested thousands deep would
  // throw RangeError there. Nothing the app writes is more than a dozen levels deep.
  if (nestedDeeperThan(data, MAX_DEPTH)) {
    return fail('too-deep', 'envelope.too-deep', { depth: MAX_DEPTH });
  }

  const format = own(data, 'format');
  if (typeof format !== 'string') return fail('wrong-format', 'envelope.not-ours');
  if (format !== expectedFormat) {
    if (isKnownFormat(format)) {
      return fail('wrong-format', 'envelope.other-format', { found: FORMAT_KINDS[format] });
    }
    return fail('wrong-format', 'envelope.not-ours');
  }

  const version = own(data, 'formatVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail('bad-version', 'envelope.bad-version', {
      found: JSON.stringify(version) ?? '—'
    });
  }
  const current = options.currentVersion ?? CURRENT_FORMAT_VERSION;
  if (version > current) {
    return fail('newer-version', 'envelope.newer-version', { current, version });
  }

  const recorded = own(data, 'sha256');
  const content = own(data, 'content');
  if (content === undefined) return fail('wrong-format', 'envelope.no-content');
  // Version 2 on: every key but sha256, in the file's order; version 1: the content only.
  const covered = version >= WHOLE_ENVELOPE_CHECKSUM_SINCE ? withoutChecksum(data) : content;
  if (typeof recorded !== 'string' || recorded.toLowerCase() !== hashOf(covered, options)) {
    return fail('checksum', 'envelope.checksum');
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
      return fail('no-upgrade', 'envelope.no-upgrade', {
        version,
        oldest: oldestReadable(chain, current)
      });
    }
    try {
      upgraded = step(upgraded);
    } catch {
      return fail('upgrade-failed', 'envelope.upgrade-failed', { from, to: from + 1 });
    }
  }
  return { ok: true, content: upgraded, ...meta, upgradedFrom: version };
}

/** Deepest nesting of arrays and objects a file may have; the app's own files use about 8. */
export const MAX_DEPTH = 100;

/**
 * True when a parsed JSON value nests arrays or objects more than `limit` deep. It recurses at
 * most `limit` calls deep, so the check itself cannot overflow the call stack, and allocates
 * nothing: a backup holds millions of values (docs/performance.md).
 * @example nestedDeeperThan([[[]]], 2) // true
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (nestedDeeperThan(value[i], limit - 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (nestedDeeperThan(record[key], limit - 1)) return true;
  }
  return false;
}

/** The lowest version from which an unbroken chain of upgraders reaches the current one. */
function oldestReadable(chain: UpgraderChain, current: number): number {
  let oldest = current;
  while (oldest > 0 && chain[oldest - 1]) oldest--;
  return oldest;
}
