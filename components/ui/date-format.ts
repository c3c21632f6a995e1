/** One date rule for staff pages: the reader's locale and time zone, relative where recency matters, UTC when neither is known. */
export type DateMode = 'absolute' | 'relative' | 'date';

const pad = (n: number) => String(n).padStart(2, '0');

/** What the server writes before the browser's locale and time zone are known: unambiguous, in UTC. */
export function formatUtcFallback(iso: string, mode: DateMode): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return mode === 'date' ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

// A due date is a calendar day stored as midnight UTC: shown in UTC so it is the same day everywhere.
const dayOptions: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/** The date (and time) in the given locale and time zone (undefined: the runtime's own). */
export function formatAbsolute(iso: string, mode: DateMode, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (mode === 'date') return new Intl.DateTimeFormat(locale, dayOptions).format(d);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** The full date for a tooltip, with the time zone named. */
export function formatFull(iso: string, mode: DateMode, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (mode === 'date') return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(d);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long', timeZone }).format(d);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "3 minutes ago", "in 2 days"; past a week, the absolute date. */
export function formatRelative(iso: string, nowMs: number, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let value = (d.getTime() - nowMs) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(value) < 45) return rtf.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(value) < size) return rtf.format(Math.round(value), unit);
    value /= size;
  }
  return formatAbsolute(iso, 'absolute', locale, timeZone);
}
