/**
 * The interface language (docs/languages.md, "Which language"). Paraglide resolves it: the
 * user's choice kept in localStorage, then the browser's preferred languages, then English.
 * Switching stores the choice and reloads the page, so everything on screen — and the number and
 * date formats — follows at once; before that, every screen that holds unsaved work writes it.
 */
import { setFormatLocale } from '$lib/format/locale';
import {
  getLocale,
  locales,
  overwriteGetLocale,
  setLocale,
  type Locale
} from '$lib/paraglide/runtime.js';

export { getLocale, locales, type Locale };

/** Writes what a screen still holds; resolves false when something could not be saved. */
export type SaveBeforeLeaving = () => Promise<boolean>;

const savers = new Set<SaveBeforeLeaving>();

/**
 * Registers a screen's "write everything pending now" for a language switch; returns the
 * function that removes it (call it when the screen closes).
 */
export function saveBeforeLanguageSwitch(save: SaveBeforeLeaving): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

/**
 * Writes pending work, then switches language and reloads. Resolves false, without switching,
 * when some work could not be saved: the screen that holds it already says why.
 */
export async function switchLanguage(locale: Locale): Promise<boolean> {
  if (locale === getLocale()) return true;
  const results = await Promise.all([...savers].map((save) => save()));
  if (results.includes(false)) return false;
  setLocale(locale);
  return true;
}

/** At start: the page's `lang` and every number and date formatter follow the language. */
export function applyLanguage(): Locale {
  const locale = getLocale();
  // The language never changes while the page lives (switching reloads it): resolved once here.
  // Paraglide would otherwise resolve it again for every message on screen, reading
  // localStorage and the browser's languages each time (docs/performance.md).
  overwriteGetLocale(() => locale);
  document.documentElement.lang = locale;
  setFormatLocale(locale);
  return locale;
}
