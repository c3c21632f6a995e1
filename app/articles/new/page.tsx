import type { Metadata } from 'next';
import { NewArticleTabs } from '@/components/articles/new-article-tabs';
import { parseNewArticleSource } from '@/components/articles/new-article-source';
import { requirePageActor } from '@/lib/data/sessions/get-actor';

export const metadata: Metadata = { title: 'New article' };

// The chosen way is `?from=paste|upload|url`, read by the tabs; signing in first keeps it.
export default async function NewArticlePage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const from = parseNewArticleSource((await searchParams).from);
  await requirePageActor(from === 'paste' ? '/articles/new' : `/articles/new?from=${from}`, 'editArticles');
  return (
    <>
      <h1>New article</h1>
      <p className="lead">
        Paste it, upload a file, or import it from the web. Everything is cleaned to plain article formatting.
      </p>
      <NewArticleTabs />
    </>
  );
}
