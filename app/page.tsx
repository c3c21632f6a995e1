import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listFrontPageArticles } from '@/lib/data/articles';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const t = await getTranslations('home');
  const format = await getFormatter();
  const articles = await listFrontPageArticles();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {articles.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={`/articles/${article.id}`}>{article.title}</Link>
              <p className="meta">
                {t('claimCount', { count: article.claimCount })} ·{' '}
                {t('updated', { date: format.dateTime(article.updatedAt, { dateStyle: 'medium' }) })}
                {article.isSample && <span className="badge">{t('sample')}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
