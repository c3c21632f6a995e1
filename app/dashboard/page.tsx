import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { permissions } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { listArticles } from '@/lib/data/articles';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requirePageActor('/dashboard');
  const t = await getTranslations('home');
  const articles = await listArticles(actor);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">Signed in as {actor.name}.</p>
      <h2>Articles</h2>
      {permissions.editArticles(actor) && (
        <p>
          <Link href="/articles/new">New article</Link>
        </p>
      )}
      <ul className="article-list">
        {articles.map((a) => (
          <li key={a.id}>
            <Link href={`/articles/${a.id}`}>{a.title}</Link>
            <p className="meta">
              {t('claimCount', { count: a.claimCount })}
              {a.isSample && <span className="badge">{t('sample')}</span>}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
