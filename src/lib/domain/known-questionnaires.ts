/**
 * One rule for every way a questionnaire version reaches this browser — the custom-questionnaire
 * import, bundle import and backup restore: an id+version that is already known (built into the
 * app, or stored here) must come with exactly the known content, or the file is refused. A
 * built-in questionnaire can therefore never be replaced by a file (see docs/file-formats.md,
 * "Questionnaire versions a file may carry").
 *
 * Two versions are the same when their canonical JSON (keys sorted at every depth) is equal; the
 * built-in ones are known by the SHA-256 of that text, which the build writes into the index.
 *
 * Relative imports only: the command-line tools load the parsers that use this file.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { FileProblem } from './problems';
import type { Questionnaire } from './questionnaire/schema';
import { canonicalJson } from './canonical-json.ts';

/** SHA-256 (hex) of each built-in questionnaire version, keyed `id@version`. */
export type ShippedDigests = ReadonlyMap<string, string>;

/**
 * The SHA-256 of a questionnaire's canonical JSON, in hex: the same for the same content
 * whatever order its keys were written in.
 * @example questionnaireDigest(privacy) // '3f2a…' (64 hex digits)
 */
export function questionnaireDigest(questionnaire: Questionnaire): string {
  let digest = digests.get(questionnaire);
  if (digest === undefined) {
    digest = bytesToHex(sha256(utf8ToBytes(canonicalJson(questionnaire))));
    digests.set(questionnaire, digest);
  }
  return digest;
}

/**
 * Digests already computed, by object: an import checks the same five questionnaires when it
 * is previewed and again inside its transaction (about 75 ms each time for the built-in ones).
 * Questionnaire objects are never changed in place (a translation or a title makes a copy),
 * so an object's digest stays true.
 */
const digests = new WeakMap<Questionnaire, string>();

/** What this browser already knows about one id+version. */
export interface KnownVersion {
  /** The digest of the built-in file with this id+version, when the app ships one. */
  shipped?: string | undefined;
  /** The copy stored in this browser, if any. */
  stored?: Questionnaire | undefined;
}

/** What to do with an incoming questionnaire version whose id+version is known. */
export type KnownVerdict =
  /** Nothing known under this id+version: the file's copy may be stored. */
  | { kind: 'new' }
  /** Known, and the file's copy is exactly the known content. */
  | { kind: 'same' }
  /** Known with other content: refuse the whole file. */
  | { kind: 'refused'; problem: FileProblem };

function nextPatch(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}` : `${version}.1`;
}

/**
 * The one rule: an incoming version with the id+version of a built-in questionnaire must match
 * the built-in file; one stored here must match the stored copy. `path` says where the
 * questionnaire sits in the file (`content.questionnaires[2]`, or `version` for a questionnaire
 * file of its own).
 * @example
 * const verdict = checkKnownVersion('kenya.json', q, { shipped: digests.get(key) }, 'content.questionnaires[0]');
 * if (verdict.kind === 'refused') show(problemText(verdict.problem));
 */
export function checkKnownVersion(
  file: string,
  incoming: Questionnaire,
  known: KnownVersion,
  path?: string
): KnownVerdict {
  const { id, version, title } = incoming;
  const params = { id, version, title };
  if (known.shipped !== undefined) {
    if (questionnaireDigest(incoming) === known.shipped) return { kind: 'same' };
    return {
      kind: 'refused',
      problem: {
        file,
        path,
        code: 'questionnaire.builtin-changed',
        params
      }
    };
  }
  if (known.stored === undefined) return { kind: 'new' };
  if (canonicalJson(known.stored) === canonicalJson(incoming)) return { kind: 'same' };
  return {
    kind: 'refused',
    problem: {
      file,
      path,
      code: 'questionnaire.version-changed',
      params: { ...params, next: nextPatch(version) }
    }
  };
}

/**
 * The rule over every questionnaire of a file, against the built-in digests and the copies
 * stored here (`stored[i]` belongs to `incoming[i]`). One problem per refused version.
 * @example refusedVersions('kenya.json', bundle.questionnaires, digests, [], (i) => `content.questionnaires[${i}]`)
 */
export function refusedVersions(
  file: string,
  incoming: readonly Questionnaire[],
  shipped: ShippedDigests,
  stored: readonly (Questionnaire | undefined)[] = [],
  pathOf: (index: number) => string | undefined = () => undefined
): FileProblem[] {
  return incoming.flatMap((q, i) => {
    const verdict = checkKnownVersion(
      file,
      q,
      { shipped: shipped.get(`${q.id}@${q.version}`), stored: stored[i] },
      pathOf(i)
    );
    return verdict.kind === 'refused' ? [verdict.problem] : [];
  });
}

/**
 * Which copy of a pinned version to use: for a built-in id+version, the stored copy only when it
 * is exactly the built-in file (a copy that differs — stored from a file before this rule
 * existed — is never used); otherwise the stored copy.
 * @example pinnedCopy(stored, digests.get('privacy-data-protection@1.0.0')) // 'shipped'
 */
export function pinnedCopy(
  stored: Questionnaire | undefined,
  shipped: string | undefined
): 'stored' | 'shipped' | 'none' {
  if (shipped === undefined) return stored ? 'stored' : 'none';
  return stored && questionnaireDigest(stored) === shipped ? 'stored' : 'shipped';
}
