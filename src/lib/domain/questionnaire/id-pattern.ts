/**
 * The id pattern of questionnaires, sections, questions and workshop groups, apart from the
 * schemas so that code without zod (the database upgrader) can use it.
 */

/** Lower-case words joined by single hyphens; no dots, because ids become keys in records. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
