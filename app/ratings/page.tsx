import type { Metadata } from 'next';
import { listRatings } from '@/lib/data/ratings/list-ratings';
import { getSettings } from '@/lib/data/settings/get-settings';

export const metadata: Metadata = { title: 'Our rating scale' };
export const dynamic = 'force-dynamic';

/** Public: what each rating means, linked from every published fact-check. */
export default async function RatingsPage() {
  const [scale, settings] = await Promise.all([listRatings({ activeOnly: true }), getSettings()]);
  return (
    <>
      <h1>How we rate claims</h1>
      <p className="lead">
        {settings.name || 'We'} rate each checked claim on this scale.
        {settings.methodologyUrl && (
          <>
            {' '}
            Read <a href={settings.methodologyUrl}>our methodology</a>.
          </>
        )}
      </p>
      <dl className="rating-scale">
        {scale.items.map((r) => (
          <div key={r.id} className="rating-entry">
            <dt>
              <span className="rating-chip" style={{ backgroundColor: r.colour }}>
                {r.label}
              </span>
              {r.value === null && <span className="meta"> (not on the true–false scale)</span>}
            </dt>
            <dd>{r.description}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
