/**
 * How a backup reads its lists (docs/file-formats.md, "Backups"): every list of the content is
 * read record by record under `content.<list>[i]`, then checked for records stored twice; the
 * records that belong to one assessment (answers, plans, group answers) share how they name it.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { z } from '../domain/zod';
import { parseAt, checkUnique, type IssueSink } from './bundle';

export type Path = readonly PropertyKey[];

const ROOT = ['content'] as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of `T` that hold a string. */
type StringField<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** One list of a backup's content. */
export interface BackupList<T> {
  /** Its key in the content. */
  key: string;
  /** Absent in older or hand-made files: read as an empty list instead of a missing one. */
  optional?: boolean;
  /** Reads one record at `at`, reporting its problems; undefined when it cannot be used. */
  parseOne: (raw: unknown, at: Path) => T | undefined;
  /** The field no two records may share, and the problem when two do. */
  unique: { field: StringField<T>; code: string };
}

/**
 * Reads one list of a backup's content: each record (undefined where it failed), then every
 * record stored twice reported at its `unique` field.
 * @example readList(content, { key: 'meta', parseOne, unique: { field: 'key', code: 'backup.setting-twice' } }, issue)
 */
export function readList<T>(
  content: Record<string, unknown>,
  list: BackupList<T>,
  issue: IssueSink
): (T | undefined)[] {
  const { key, unique } = list;
  const records =
    list.optional && content[key] === undefined
      ? []
      : (parseAt(z.array(z.unknown()), content[key], [...ROOT, key], issue) ?? []).map((raw, i) =>
          list.parseOne(raw, [...ROOT, key, i])
        );
  checkUnique(
    records,
    (record) => record[unique.field] as string,
    (i) => [...ROOT, key, i, unique.field],
    unique.code,
    issue
  );
  return records;
}

/** A kind of record that belongs to one assessment of the backup, named by `assessmentId`. */
export interface OwnedRecord<Owner, T, First = true> {
  /** The list of the content that holds them, as in `BackupList`. */
  key: string;
  optional?: boolean;
  /** The problem when two records belong to the same assessment. */
  twiceCode: string;
  /** The problem when the record is not an object. */
  shapeCode: string;
  /** The problem when no assessment of the file has its id. */
  orphanCode: string;
  /** What the record needs of its assessment; undefined when the assessment was not read. */
  owner: (assessmentId: string) => Owner | undefined;
  /** Ids of every assessment the file holds, valid or not. */
  fileIds: ReadonlySet<unknown>;
  /**
   * Read before the assessment is looked up, so its problems are reported even for a record
   * of an unknown assessment; undefined when it failed.
   */
  first?: (record: Record<string, unknown>, at: Path) => First | undefined;
  /** Reads the rest of the record once its assessment is known. */
  rest: (
    record: Record<string, unknown>,
    at: Path,
    found: { assessmentId: string; owner: Owner; first: First }
  ) => T | undefined;
}

/**
 * Reads one record of an assessment. A record whose assessment failed validation is dropped
 * without a word (that assessment is reported already); only a record of an assessment the
 * file does not hold at all is reported, as an orphan.
 * @example readOwned(raw, ['content', 'actions', 0], plans, issue)
 */
export function readOwned<Owner, T, First = true>(
  raw: unknown,
  at: Path,
  kind: OwnedRecord<Owner, T, First>,
  issue: IssueSink
): T | undefined {
  if (!isRecord(raw)) {
    issue(at, kind.shapeCode);
    return undefined;
  }
  const assessmentId = parseAt(z.string(), raw['assessmentId'], [...at, 'assessmentId'], issue);
  const first = kind.first ? kind.first(raw, at) : (true as First);
  if (assessmentId === undefined || first === undefined) return undefined;
  const owner = kind.owner(assessmentId);
  if (owner === undefined) {
    if (!kind.fileIds.has(assessmentId)) {
      issue([...at, 'assessmentId'], kind.orphanCode, { id: assessmentId });
    }
    return undefined;
  }
  return kind.rest(raw, at, { assessmentId, owner, first });
}

/**
 * Reads a list of records that belong to one assessment each, at most one per assessment.
 * @example const actions = readOwnedList(content, plans, issue);
 */
export function readOwnedList<Owner, T extends { assessmentId: string }, First = true>(
  content: Record<string, unknown>,
  kind: OwnedRecord<Owner, T, First>,
  issue: IssueSink
): (T | undefined)[] {
  return readList(
    content,
    {
      key: kind.key,
      optional: kind.optional,
      parseOne: (raw, at) => readOwned(raw, at, kind, issue),
      unique: { field: 'assessmentId' as StringField<T>, code: kind.twiceCode }
    },
    issue
  );
}
