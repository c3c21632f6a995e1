import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClaimList } from '@/components/claims/claim-list';
import { ScrollToClaim } from '@/components/claims/scroll-to-claim';
import { ClaimLegend } from '@/components/editor/claim-legend';
import { LocalTime } from '@/components/ui/local-time';
import { ArticleBody, type HighlightInfo } from '@/components/reader/article-body';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { ArticleEditor } from '@/components/editor/article-editor';
import { permissions } from '@/lib/auth/permissions';
import { getArticleView } from '@/lib/data/articles/get-article-view';
import { AssignmentForm } from '@/components/articles/assignment-form';
import { getAssignment } from '@/lib/data/articles/get-assignment';
import { listStaff } from '@/lib/data/users/list-staff';
import { listRatings } from '@/lib/data/ratings/list-ratings';
import { getArticle } from '@/lib/data/articles/get-article';
import { collabEnabled } from '@/lib/env';
import { textDirection } from '@/lib/i18n/locales';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string | string[] }> };

export const metadata: Metadata = { title: 'Article' };

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { claim } = await searchParams;
  const actor = await requirePageActor(`/articles/${id}`);
  if (permissions.editArticles(actor)) {
    const editable = await getArticle(actor, id).catch(() => null);
    if (!editable) notFound();
    const [{ items: ratings }, staff, assignment] = await Promise.all([
      listRatings(),
      listStaff(actor),
      getAssignment(actor, id),
    ]);
    return (
      <>
        <nav className="article-tools" aria-label="Article">
          <AssignmentForm
            articleId={id}
            staff={staff}
            current={{
              factChecker: assignment.factChecker?.id ?? null,
              reviewer: assignment.reviewer?.id ?? null,
              dueDate: assignment.dueDate,
            }}
          />
          <Link href={`/articles/${id}/history`}>History</Link>
          <a href={`/api/v1/articles/${id}/claims.csv`} download>
            Export claims (CSV)
          </a>
          <Link href={`/articles/${id}/publish`}>Publish…</Link>
        </nav>
        <ArticleEditor
          article={editable}
          dir={textDirection(editable.language)}
          ratings={ratings}
          initialClaimId={editable.claims.find((c) => c.id === claim)?.id ?? null}
          collab={collabEnabled() ? { id: actor.id, name: actor.name } : null}
        />
      </>
    );
  }
  const article = await getArticleView(actor, id);
  if (!article) notFound();
  const t = await getTranslations();
  const currentId = article.claims.find((c) => c.id === claim)?.id ?? null;
  const highlights = new Map<string, HighlightInfo>(
    article.claims.map((c) => [
      c.id,
      {
        state: c.state,
        label: [t(`claimStatus.${c.state}`), c.rating?.label].filter(Boolean).join(' · '),
        current: c.id === currentId,
        colour: c.rating?.colour,
      },
    ]),
  );
  return (
    <>
      <nav className="article-tools" aria-label="Article">
        <Link href={`/articles/${id}/history`}>History</Link>
        {permissions.reviewClaims(actor) && <Link href="/review">Review queue</Link>}
      </nav>
      <ClaimLegend />
      <div className="article-layout">
        <article lang={article.language} dir={textDirection(article.language)} className="article">
          <h1>{article.title}</h1>
          <p className="meta">
            {article.publisher}
            {article.byline && ` · ${t('article.byline', { byline: article.byline })}`}
            {article.originalPublishedAt && (
              <>
                {' · '}
                {t('article.originallyPublished')}{' '}
                <LocalTime iso={article.originalPublishedAt.toISOString()} mode="date" />
              </>
            )}
          </p>
          {article.isSample && <p className="notice">{t('article.sampleNotice')}</p>}
          <div className="article-body">
            <ArticleBody content={article.content} highlights={highlights} />
          </div>
        </article>
        <aside className="claims-panel" aria-labelledby="claims-heading">
          <h2 id="claims-heading">{t('article.claimsHeading')}</h2>
          <ClaimList claims={article.claims} currentId={currentId} />
        </aside>
      </div>
      {currentId && <ScrollToClaim id={`claim-${currentId}`} />}
    </>
  );
}
