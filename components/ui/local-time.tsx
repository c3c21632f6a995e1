'use client';

import { useSyncExternalStore } from 'react';
import { formatAbsolute, formatFull, formatRelative, formatUtcFallback, type DateMode } from './date-format';

// One clock for every relative time on a page, ticking while any is shown.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * A date as `<time>`: the server writes it in UTC (it does not know the reader's time zone); after hydration it is
 * shown in the browser's locale and time zone, relative where recency matters, with the full date on hover.
 */
export function LocalTime({ iso, mode = 'absolute' }: { iso: string; mode?: DateMode }) {
  // 0 on the server and during hydration, so the first client render matches the HTML.
  const clock = useSyncExternalStore(
    subscribe,
    () => now,
    () => 0,
  );
  const isLocal = clock !== 0;
  const text = !isLocal
    ? formatUtcFallback(iso, mode)
    : mode === 'relative'
      ? formatRelative(iso, clock)
      : formatAbsolute(iso, mode);
  const title = isLocal ? formatFull(iso, mode) : formatUtcFallback(iso, mode);
  return (
    <time dateTime={iso} title={title} data-local={isLocal ? '' : undefined}>
      {text}
    </time>
  );
}
