/**
 * The file format's schema of one workshop group (docs/file-formats.md): an id by the
 * questionnaire id pattern, a trimmed name, a kind, `observer` defaulting by kind, and the part
 * the group answers when the facilitator gave it one.
 */
import { z } from '../zod';
import { idSchema } from '../questionnaire/schema';
import {
  defaultObserver,
  GROUP_KINDS,
  GROUP_NAME_MAX,
  type Group,
  type GroupInput
} from './group-ids';

export const groupKindSchema = z.enum(GROUP_KINDS);

/**
 * One entry of a group's part: a questionnaire id, or `questionnaireId/sectionId` for one
 * section (docs/workshop.md, "Groups that answer only their part").
 */
export const partEntrySchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/,
    'write a questionnaire id, or a questionnaire id and a section id joined by "/"'
  );

/** Most entries a part may list. */
export const PART_MAX = 1000;

export const groupSchema: z.ZodType<Group, GroupInput> = z
  .object({
    id: idSchema,
    name: z
      .string()
      .trim()
      .min(1, 'give the group a name')
      .max(GROUP_NAME_MAX, `keep the name to ${GROUP_NAME_MAX} characters`),
    kind: groupKindSchema,
    /** Absent on input: true for international partners, false for every other kind. */
    observer: z.boolean().optional(),
    /** Absent (every record before parts existed) = the group answers every question. */
    part: z
      .array(partEntrySchema)
      .min(1, 'tick at least one questionnaire or section, or let the group answer everything')
      .max(PART_MAX)
      .optional()
  })
  .transform(({ part, ...g }) => ({
    ...g,
    observer: g.observer ?? defaultObserver(g.kind),
    ...(part ? { part } : {})
  }));
