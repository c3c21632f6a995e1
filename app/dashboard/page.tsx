import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BarChart, ProgressBar } from '@/components/dashboard/charts';
import { permissions } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { listArticles } from '@/lib/data/articles';
import { getDashboard } from '@/lib/data/dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

const stateLabels: Record<string, string> = { DRAFT: 'Not published', PUBLISHED: 'Published', RETRACTED: 'Retracted' };
const stateColours: Record<string, string> = { DRAFT: '#6b7280', PUBLISHED: '#15803d', RETRACTED: '#b91c1c' };

export default async function DashboardPage() {
  const actor = await requirePageActor('/dashboard');
  const [data, articles, t] = await Promise.all([getDashboard(actor), listArticles(actor), getTranslations('dashboard')]);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">Signed in as {actor.name}.</p>
      <div className="dashboard-grid">
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">My articles</h2>
          {permissions.editArticles(actor) && (
            <p>
              <Link href="/articles/new">New article</Link>
            </p>
          )}
          {data.myArticles.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="article-list">
              {data.myArticles.map((a) => (
                <li key={a.id}>
                  <Link href={`/articles/${a.id}`}>{a.title}</Link>
                  {a.dueDate && <span className="meta"> · due {a.dueDate.slice(0, 10)}</span>}
                  <ProgressBar progress={a.progress} label={`Claims of ${a.title}`} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">My review queue</h2>
          {data.myQueue.length === 0 ? (
            <p>Nothing waiting for you.</p>
          ) : (
            <ul>
              {data.myQueue.map((c) => (
                <li key={c.claimId}>
                  <Link href={`/review/${c.claimId}`}>“{c.quote.slice(0, 80)}”</Link> <span className="meta">in {c.articleTitle}</span>
                </li>
              ))}
            </ul>
          )}
          <BarChart title="Articles by state" rows={data.articlesByState.map((s) => ({ label: stateLabels[s.state] ?? s.state, count: s.count, colour: stateColours[s.state] ?? '#6b7280' }))} />
          <BarChart title="Verdicts approved in the last 30 days, by rating" rows={data.verdictsByRating} />
        </section>
      </div>
      <h2>All articles</h2>
      <ul className="article-list">
        {articles.map((a) => (
          <li key={a.id}>
            <Link href={`/articles/${a.id}`}>{a.title}</Link> <span className="meta">{t('claimCount', { count: a.claimCount })}</span>
            {a.isSample && <span className="badge">Sample data</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
