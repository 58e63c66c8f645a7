/**
 * The language a report is written in (docs/languages.md, "Reports"): the assessment's own
 * language, whatever the interface language. The interface's messages and formatters resolve
 * the interface language by themselves; report text instead passes the report's language to
 * every message (`m.key(params, inReport())`) and every number or date formatter
 * (`formatDecimal(x, reportLocale())`).
 *
 * The language is scoped to one synchronous build (`inReportLocale`), so nothing on screen ever
 * sees it and two reports in two languages can be made one after the other — or interleaved
 * across awaits — without either leaking into the other. Renderers, which await, take the
 * language from the document they render (`ReportDocument.locale`) instead.
 */
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

export type { Locale };

let scoped: Locale | undefined;

/** The language of the report being built; the interface language outside a build. */
export function reportLocale(): Locale {
  return scoped ?? getLocale();
}

/**
 * The options of a message call in a report.
 * @example m.reports_page_of({ page: '1', pages: '2' }, inReport()) // 'Page 1 sur 2' in French
 */
export function inReport(): { locale: Locale } {
  return { locale: reportLocale() };
}

/**
 * Runs a synchronous build with `locale` as the report language. A build that returns a promise
 * is a mistake (the language would end before the work does) and throws.
 * @example inReportLocale('fr', () => buildBrief(input)) // every heading in French
 */
export function inReportLocale<T>(locale: Locale, build: () => T): T {
  const before = scoped;
  scoped = locale;
  try {
    const made = build();
    if (made instanceof Promise) throw new Error('inReportLocale takes a synchronous build');
    return made;
  } finally {
    scoped = before;
  }
}
