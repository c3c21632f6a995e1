import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatFull, formatRelative, formatUtcFallback } from './date-format';

const iso = '2026-11-30T13:05:00.000Z';

describe('one date rule', () => {
  it('writes an unambiguous UTC fallback for the server-rendered HTML', () => {
    expect(formatUtcFallback(iso, 'absolute')).toBe('2026-11-30 13:05 UTC');
    expect(formatUtcFallback('2026-12-31T00:00:00.000Z', 'date')).toBe('2026-12-31');
  });

  it('formats in the given locale and time zone', () => {
    expect(formatAbsolute(iso, 'absolute', 'de-DE', 'Asia/Tokyo')).toBe('30.11.2026, 22:05');
    expect(formatAbsolute(iso, 'absolute', 'en-GB', 'America/New_York')).toBe('30 Nov 2026, 08:05');
    expect(formatFull(iso, 'absolute', 'de-DE', 'Asia/Tokyo')).toMatch(/^Montag, 30\. November 2026 um 22:05:00 /);
  });

  it('keeps a due date on its calendar day in every time zone', () => {
    expect(formatAbsolute('2026-12-31T00:00:00.000Z', 'date', 'en-US', 'Pacific/Honolulu')).toBe('Dec 31, 2026');
  });

  it('says how long ago for recent times, and the date past a week', () => {
    const now = Date.parse(iso);
    expect(formatRelative(iso, now + 10_000, 'en-GB')).toBe('now');
    expect(formatRelative(iso, now + 3 * 60_000, 'en-GB')).toBe('3 minutes ago');
    expect(formatRelative(iso, now + 3 * 60_000, 'de-DE')).toBe('vor 3 Minuten');
    expect(formatRelative(iso, now + 26 * 3600_000, 'en-GB')).toBe('yesterday');
    expect(formatRelative(iso, now + 30 * 86_400_000, 'en-GB', 'UTC')).toBe('30 Nov 2026, 13:05');
  });
});
