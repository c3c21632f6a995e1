import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/search/highlighted-text';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { searchNewsroom } from '@/lib/data/claim-memory/search';
import { listRatings } from '@/lib/data/ratings/list-ratings';
import { searchQuery, searchStates, searchTypes } from '@/lib/validation/search';
import { Badge } from '@/components/ui/badge';
import { DateField } from '@/components/ui/date-field';
import { Select } from '@/components/ui/select';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/text-input';

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
        <div>
          <TextInput
            id="search-q"
            label="Words"
            type="search"
            name="q"
            defaultValue={raw.q ?? ''}
            maxLength={200}
            required
          />
        </div>
        <div>
          <Select
            id="search-type"
            label="In"
            name="type"
            defaultValue={raw.type ?? ''}
            options={[
              { value: '', label: 'Everything' },
              ...searchTypes.map((t) => ({ value: t, label: `${typeLabels[t]}s` })),
            ]}
          />
        </div>
        <div>
          <Select
            id="search-state"
            label="State"
            name="state"
            defaultValue={raw.state ?? ''}
            options={[
              { value: '', label: 'Any' },
              ...searchStates.map((s) => ({ value: s, label: catalog(stateMessages[s]) })),
            ]}
          />
        </div>
        <div>
          <Select
            id="search-rating"
            label="Rating"
            name="rating"
            defaultValue={raw.rating ?? ''}
            options={[{ value: '', label: 'Any' }, ...ratings.items.map((r) => ({ value: r.id, label: r.label }))]}
          />
        </div>
        <div>
          <TextInput
            id="search-claimant"
            label="Claimant"
            name="claimant"
            defaultValue={raw.claimant ?? ''}
            maxLength={200}
          />
        </div>
        <div>
          <DateField id="search-from" label="Changed from" name="from" defaultValue={raw.from ?? ''} />
        </div>
        <div>
          <DateField id="search-to" label="Changed until" name="to" defaultValue={raw.to ?? ''} />
        </div>
        <Button type="submit">Search</Button>
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
