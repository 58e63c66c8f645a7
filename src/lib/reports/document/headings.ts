/**
 * Headings cut to a few lines (docs/file-formats.md, "Limits"). Titles come from files and
 * people; a title may be 300 characters long, and a cover title in 26-point type would then fill
 * half a page. Body text and table cells are never cut: only what is set large or on one line.
 */

/** Most characters per kind: about four lines of a cover title; a heading keeps any title whole
 * (titles are at most 300 characters) and cuts only longer text; one line of running header. */
export const HEADING_LIMITS = {
  title: 120,
  heading: 300,
  header: 90
} as const;
export type HeadingKind = keyof typeof HEADING_LIMITS;

/**
 * The heading as printed: whole when it fits, else cut at the last space that keeps most of it
 * (or mid-word when there is none) and ended with "…".
 * @example fitHeading('Kenya self-assessment 2026', 'title') // 'Kenya self-assessment 2026'
 */
export function fitHeading(text: string, kind: HeadingKind): string {
  const max = HEADING_LIMITS[kind];
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space >= max * 0.6 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}…`;
}
