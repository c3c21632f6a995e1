import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short label beside a title ("new", "Sample data", "your own work"); the tone is a colour, so the words must say it all. */
export function Badge({
  tone = 'neutral',
  children,
  className,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span className={['badge', tone === 'neutral' ? '' : `badge-${tone}`, className].filter(Boolean).join(' ')}>
      {children}
    </span>
  );
}
