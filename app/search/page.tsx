import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/search/highlighted-text';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { searchNewsroom } from '@/lib/data/claim-memory/search';
import { listRatings } from '@/lib/data/ratings/list-ratings';
import { searchQuery, searchStates, searchTypes } from '@/lib/validation/search';
import { Badge } from '@/components/ui/badge';

export const metadata: Metadata = { title: 'Search' };

/** Each state a search filters by, in the message catalog's words (a draft is an article's or a claim's). */
const stateMessages: Record<(typeof searchStates)[number], string> = {
  draft: 'articleStatus.DRAFT',
  in_review: 'claimStatus.IN_REVIEW',
  changes_requested: 'claimStatus.CHANGES_REQUESTED',
  approved: 'claimStatus.APPROVED',
  published: 'articleStatus.PUBLISHED',
  retracted: 'articleStatus.RETRACTED',
};

const typeLabels: Record<string, string> = {
  article: 'Article',
  claim: 'Claim',
  source: 'Source',
  imported: 'Other fact-checker',
};

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('/search');
  const catalog = await getTranslations();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' && v !== '' ? [[k, v]] : [])),
  );
  const parsed = searchQuery.safeParse(raw);
  const [result, ratings] = await Promise.all([
    parsed.success ? searchNewsroom(actor, parsed.data) : null,
    listRatings(),
  ]);
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the search.');
  const next = result?.nextCursor
    ? `/search?${new URLSearchParams({ ...raw, cursor: result.nextCursor }).toString()}`
    : null;
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" className="search-filters">
        <label>
          Words
          <input type="search" name="q" defaultValue={raw.q ?? ''} maxLength={200} required />
        </label>
        <label>
          In
          <select name="type" defaultValue={raw.type ?? ''}>
            <option value="">Everything</option>
            {searchTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabels[t]}s
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select name="state" defaultValue={raw.state ?? ''}>
            <option value="">Any</option>
            {searchStates.map((s) => (
              <option key={s} value={s}>
                {catalog(stateMessages[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rating
          <select name="rating" defaultValue={raw.rating ?? ''}>
            <option value="">Any</option>
            {ratings.items.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Claimant
          <input name="claimant" defaultValue={raw.claimant ?? ''} maxLength={200} />
        </label>
        <label>
          Changed from
          <input type="date" name="from" defaultValue={raw.from ?? ''} />
        </label>
        <label>
          Changed until
          <input type="date" name="to" defaultValue={raw.to ?? ''} />
        </label>
        <button type="submit">Search</button>
      </form>
      {problem && raw.q !== undefined && (
        <p className="field-error" role="status">
          {problem}
        </p>
      )}
      {result && (
        <>
          <p role="status">
            {result.items.length === 0
              ? 'Nothing found.'
              : `${result.items.length}${result.nextCursor ? '+' : ''} ${result.items.length === 1 && !result.nextCursor ? 'result' : 'results'}, best first.`}
            {result.correctedQuery && result.items.length > 0 && (
              <>
                {' '}
                Nothing matched the words as written; showing results for <strong>{result.correctedQuery}</strong>.
              </>
            )}
          </p>
          <ol className="search-results">
            {result.items.map((hit) => (
              <li key={`${hit.type}-${hit.id}`}>
                <Badge>{typeLabels[hit.type]}</Badge>{' '}
                {hit.type === 'source' || hit.type === 'imported' ? (
                  <a href={hit.url} rel="nofollow noopener" target="_blank">
                    {hit.title || hit.url}
                  </a>
                ) : (
                  <Link href={hit.url}>{hit.title}</Link>
                )}
                <p className="meta">
                  <HighlightedText text={hit.snippet} highlights={hit.highlights} />
                </p>
              </li>
            ))}
          </ol>
          {next && <Link href={next}>More results</Link>}
        </>
      )}
    </>
  );
}
