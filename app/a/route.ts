import { publicRoute } from '@/lib/api/reader-response';
import { findPublishedOrganisationName } from '@/lib/data/publications/find-published-organisation-name';
import { listPublished } from '@/lib/data/publications/list-published';
import { renderListing } from '@/lib/publishing/render-listing';
import { readerCsp } from '@/lib/publishing/render-reader';
import { searchPublished } from '@/lib/data/claim-memory/published-search';
import { renderPublishedSearch } from '@/lib/publishing/render-search';
import { MAX_QUERY_LENGTH } from '@/lib/validation/search';
import { storableText } from '@/lib/validation/text';

export const dynamic = 'force-dynamic';
const PAGE_SIZE = 20;

/** /a: every published fact-check, newest first, paged; plain HTML without script, under the reader pages' policy. */
const headersFor = (html: string) => ({
  'Content-Type': 'text/html; charset=utf-8',
  // The search form posts nowhere else: form-action allows this site only.
  'Content-Security-Policy': readerCsp(html, { allowForms: true }),
  'Cache-Control': 'public, max-age=0, s-maxage=60',
});

/** /a?q=: readers search what was published (snapshots only); an over-long query is a 400 page that says why. */
async function serveSearch(q: string, page: number) {
  const organisation = (await findPublishedOrganisationName()) ?? 'Factmark';
  if (q.length > MAX_QUERY_LENGTH) {
    const html = renderPublishedSearch(
      q.slice(0, MAX_QUERY_LENGTH),
      [],
      1,
      false,
      organisation,
      `Search for at most ${MAX_QUERY_LENGTH} characters.`,
    );
    return new Response(html, { status: 400, headers: { ...headersFor(html), 'Cache-Control': 'no-store' } });
  }
  const items = await searchPublished(q, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  const html = renderPublishedSearch(q, items.slice(0, PAGE_SIZE), page, items.length > PAGE_SIZE, organisation);
  return new Response(html, { headers: headersFor(html) });
}

async function serve(request: Request) {
  const params = new URL(request.url).searchParams;
  // A whole page number (page=1.5 would reach PostgreSQL as a fractional OFFSET); no NUL in what reaches the database.
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(params.get('page')) || 1)));
  const q = storableText(params.get('q') ?? '').trim();
  if (q) return serveSearch(q, page);
  const [items, organisation] = await Promise.all([
    listPublished(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE),
    findPublishedOrganisationName(),
  ]);
  // The organisation's name as published, like everything else here: a name typed in Settings shows with the next publication.
  const html = renderListing(items.slice(0, PAGE_SIZE), page, items.length > PAGE_SIZE, organisation ?? 'Factmark');
  return new Response(html, { headers: headersFor(html) });
}

export const GET = publicRoute(serve);
