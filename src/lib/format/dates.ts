import { dateFormat } from './intl-cache';
import { formatLocale } from './locale';

/** Local date of a timestamp as YYYY-MM-DD, for file names and date inputs. */
export function isoDay(date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * A calendar day (YYYY-MM-DD) in words: "6 December 2026", "6 décembre 2026". The day is read
 * as written, whatever the time zone; text that is not such a day comes back unchanged.
 * @example formatDate('2026-12-06', 'fr') // '6 décembre 2026'
 */
export function formatDate(day: string, locale = formatLocale()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return day;
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A moment (ISO timestamp) as date and time in the local time zone: "6 Dec 2026, 14:05",
 * "6 déc. 2026, 14:05". Text that is not a timestamp comes back unchanged.
 */
export function formatTimestamp(iso: string, locale = formatLocale()): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day: "14:05" / "2:05 PM". */
export function formatTime(date: Date, locale = formatLocale()): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}
