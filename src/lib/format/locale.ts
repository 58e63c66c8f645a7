/**
 * The language numbers, dates and plurals are written in on screens (docs/languages.md,
 * "Numbers, dates and plurals"). The app sets it once at start from the interface language;
 * changing language reloads the page, so it never changes while the page lives. Code that never
 * sets it (the command line, unit tests) writes English. Reports that follow an assessment's own
 * language pass that locale to each function instead.
 */
let current = 'en';

/** Sets the language of every formatter below; called once at start (src/hooks.client.ts). */
export function setFormatLocale(locale: string): void {
  current = locale;
}

/** The language formatters use when no locale is passed. */
export function formatLocale(): string {
  return current;
}
