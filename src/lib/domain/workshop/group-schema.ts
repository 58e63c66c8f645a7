/**
 * The file format's schema of one workshop group (docs/file-formats.md): an id by the
 * questionnaire id pattern, a trimmed name, a kind, and `observer` defaulting by kind.
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
    observer: z.boolean().optional()
  })
  .transform((g) => ({ ...g, observer: g.observer ?? defaultObserver(g.kind) }));
