import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { listReviewQueue } from '@/lib/data/reviews';

export const metadata: Metadata = { title: 'Review queue' };

type Props = { searchParams: Promise<{ article?: string; editor?: string; done?: string }> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const actor = await requirePageActor('/review', 'reviewClaims');
  const { article, editor, done } = await searchParams;
  const all = await listReviewQueue(actor);
  const queue = all.items.filter((c) => (!article || c.articleId === article) && (!editor || c.editor?.id === editor));
  const articles = [...new Map(all.items.map((c) => [c.articleId, c.articleTitle])).entries()];
  const editors = [...new Map(all.items.flatMap((c) => (c.editor ? [[c.editor.id, c.editor.name] as const] : []))).entries()];
  return (
    <>
      <h1>Review queue</h1>
      {done && (
        <p role="status" className="form-ok">
          {done === 'approved' ? 'Claim approved.' : 'Claim sent back with your comment.'}
        </p>
      )}
      <form className="filters" method="get" aria-label="Filter the queue">
        <label htmlFor="filter-article">Article</label>
        <select id="filter-article" name="article" defaultValue={article ?? ''}>
          <option value="">All articles</option>
          {articles.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
        <label htmlFor="filter-editor">Editor</label>
        <select id="filter-editor" name="editor" defaultValue={editor ?? ''}>
          <option value="">All editors</option>
          {editors.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <button type="submit" className="tool">
          Filter
        </button>
      </form>
      {queue.length === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Claims in review, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Article</th>
              <th scope="col">Editor</th>
              <th scope="col">Rating</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((c) => (
              <tr key={c.claimId}>
                <td>
                  <Link href={`/review/${c.claimId}`}>“{c.quote.length > 90 ? `${c.quote.slice(0, 87)}…` : c.quote}”</Link>
                  {!c.canApprove && <span className="badge">your own work</span>}
                </td>
                <td>{c.articleTitle}</td>
                <td>{c.editor?.name ?? '—'}</td>
                <td>{c.rating ?? '—'}</td>
                <td>{new Date(c.submittedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
