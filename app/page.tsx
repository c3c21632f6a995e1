import { getFormatter, getTranslations } from 'next-intl/server';
import { listPublished } from '@/lib/data/publications/list-published';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const t = await getTranslations('home');
  const format = await getFormatter();
  const published = await listPublished();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {published.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="article-list">
          {published.map((a) => (
            <li key={a.slug}>
              {/* Reader pages are plain documents outside the app: a normal link, not a client navigation. */}
              <a href={`/a/${a.slug}`}>
                <bdi>{a.title}</bdi>
              </a>
              <p className="meta">
                {t('claimCount', { count: a.claimCount })} ·{' '}
                {t('published', { date: format.dateTime(a.publishedAt, { dateStyle: 'medium' }) })}
                {a.version > 1 && ` · ${t('version', { number: a.version })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- /a is a plain HTML route handler, not a page: a full navigation is right */}
        <a href="/a">{t('allFactChecks')}</a> · <a href="/a/feed.xml">{t('feed')}</a>
      </p>
    </>
  );
}
