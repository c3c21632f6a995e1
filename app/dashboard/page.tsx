import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ArticleFilters, articleStateLabels } from '@/components/dashboard/article-filters';
import { BarChart, ProgressBar } from '@/components/dashboard/charts';
import { LocalTime } from '@/components/ui/local-time';
import { Pagination } from '@/components/ui/pagination';
import { TruncatedTitle } from '@/components/ui/truncated-title';
import { permissions } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { findArticlesPage } from '@/lib/data/articles/find-articles-page';
import { listStaff } from '@/lib/data/users/list-staff';
import { getDashboard } from '@/lib/data/articles/get-dashboard';
import { articleListQuery, firstValues } from '@/lib/validation/staff-lists';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Dashboard' };

const stateColours: Record<string, string> = {
  DRAFT: 'var(--chart-draft)',
  PUBLISHED: 'var(--chart-approved)',
  RETRACTED: 'var(--chart-retracted)',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requirePageActor('/dashboard');
  const params = firstValues(await searchParams);
  const query = articleListQuery.parse(params);
  const [data, articles, staff, t] = await Promise.all([
    getDashboard(actor),
    findArticlesPage(actor, query),
    listStaff(actor),
    getTranslations('dashboard'),
  ]);
  const isFiltered = Boolean(query.q || query.state || query.assignee || query.due);
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
                  <TruncatedTitle href={`/articles/${a.id}`} title={a.title} />
                  {a.dueDate && (
                    <span className="meta">
                      {' '}
                      · due <LocalTime iso={a.dueDate} mode="date" />
                    </span>
                  )}
                  <ProgressBar progress={a.progress} label={`Claims of ${a.title}`} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">My review queue</h2>
          {data.myQueue.length === 0 ? (
            <EmptyState>Nothing waiting for you.</EmptyState>
          ) : (
            <ul>
              {data.myQueue.map((c) => (
                <li key={c.claimId}>
                  <Link href={`/review/${c.claimId}`}>“{c.quote.slice(0, 80)}”</Link>{' '}
                  <span className="meta">in {c.articleTitle}</span>
                </li>
              ))}
            </ul>
          )}
          <BarChart
            title="Articles by state"
            rows={data.articlesByState.map((s) => ({
              label: articleStateLabels[s.state] ?? s.state,
              count: s.count,
              colour: stateColours[s.state] ?? 'var(--chart-draft)',
            }))}
          />
          <BarChart title="Verdicts approved in the last 30 days, by rating" rows={data.verdictsByRating} />
        </section>
      </div>
      <section aria-labelledby="all-heading">
        <h2 id="all-heading">All articles</h2>
        <ArticleFilters query={query} staff={staff} />
        <p className="list-count">
          {articles.total === 1 ? '1 article' : `${articles.total} articles`}
          {isFiltered ? ' match' : ''}
        </p>
        {articles.items.length === 0 ? (
          <EmptyState
            action={
              isFiltered ? (
                <Link href="/dashboard">Clear the filters</Link>
              ) : (
                <Link href="/articles/new">Create an article</Link>
              )
            }
          >
            {isFiltered ? 'No article matches these filters.' : 'No articles yet.'}
          </EmptyState>
        ) : (
          <ul className="article-list">
            {articles.items.map((a) => (
              <li key={a.id}>
                <TruncatedTitle href={`/articles/${a.id}`} title={a.title} />{' '}
                <span className="meta">{t('claimCount', { count: a.claimCount })}</span>
                {a.isSample && <Badge>Sample data</Badge>}
                <div className="article-facts">
                  <Badge className={`state-${a.status.toLowerCase()}`}>{articleStateLabels[a.status]}</Badge>
                  {a.factChecker && <span>Fact-checker: {a.factChecker}</span>}
                  {a.reviewer && <span>Reviewer: {a.reviewer}</span>}
                  {a.dueDate && (
                    <span>
                      Due <LocalTime iso={a.dueDate} mode="date" />
                    </span>
                  )}
                  <span>
                    Edited <LocalTime iso={a.updatedAt} mode="relative" />
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          path="/dashboard"
          params={params}
          page={articles.page}
          pageCount={articles.pageCount}
          label="Pages of articles"
        />
      </section>
    </>
  );
}
