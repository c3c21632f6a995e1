import { useTranslations } from 'next-intl';
import type { ProgressCounts } from '@/lib/validation/views';

// Each count's claim state, named in words by the message catalog (claimStatus).
const segments = [
  { key: 'draft', state: 'DRAFT', colour: 'var(--chart-draft)' },
  { key: 'inReview', state: 'IN_REVIEW', colour: 'var(--chart-review)' },
  { key: 'changesRequested', state: 'CHANGES_REQUESTED', colour: 'var(--chart-changes)' },
  { key: 'approved', state: 'APPROVED', colour: 'var(--chart-approved)' },
] as const;

/** A claim-progress bar as SVG, with the counts in words (label and visible caption), not colour alone. */
export function ProgressBar({ progress, label }: { progress: ProgressCounts; label: string }) {
  const stateLabel = useTranslations('claimStatus');
  const total = segments.reduce((sum, s) => sum + progress[s.key], 0);
  const words = segments.map((s) => `${progress[s.key]} ${stateLabel(s.state).toLowerCase()}`).join(', ');
  const widths = segments.map((s) => (total === 0 ? 0 : (progress[s.key] / total) * 300));
  return (
    <figure className="progress">
      <svg
        role="img"
        aria-label={`${label}: ${total === 0 ? 'no claims yet' : words}`}
        viewBox="0 0 300 16"
        width="300"
        height="16"
      >
        {total === 0 ? (
          <rect x="0" y="0" width="300" height="16" style={{ fill: 'var(--chart-track)' }} />
        ) : (
          segments.map((s, i) => {
            const x = widths.slice(0, i).reduce((a, b) => a + b, 0);
            return (widths[i] ?? 0) > 0 ? (
              <rect key={s.key} x={x} y="0" width={widths[i]} height="16" style={{ fill: s.colour }} />
            ) : null;
          })
        )}
      </svg>
      <figcaption className="meta">{total === 0 ? 'No claims yet' : words}</figcaption>
    </figure>
  );
}

/** Horizontal bars with the label and count written beside each bar; a colour is a CSS colour (a token or a rating's). */
export function BarChart({ title, rows }: { title: string; rows: { label: string; count: number; colour: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 26;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="meta">Nothing yet.</p>
      ) : (
        <svg
          role="img"
          aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}`}
          viewBox={`0 0 420 ${rows.length * rowHeight}`}
          width="420"
          height={rows.length * rowHeight}
        >
          {rows.map((r, i) => (
            <g key={r.label} transform={`translate(0 ${i * rowHeight})`}>
              <text x="0" y="17" fontSize="13" fill="currentColor">
                {r.label}
              </text>
              <rect x="140" y="4" width={(r.count / max) * 230} height="18" style={{ fill: r.colour }} />
              <text x={146 + (r.count / max) * 230} y="17" fontSize="13" fill="currentColor">
                {r.count}
              </text>
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}
