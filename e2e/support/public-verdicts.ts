import { expect, type APIRequestContext } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { formatDay } from '@/lib/publishing/page-shell';
import { explanationText, type ClaimDetail } from './newsroom-api';

/** The reviewed content of a claim, in a fixed key order so two contents compare as JSON text. */
export interface ClaimContent {
  exact: string;
  statedClaim: string;
  claimReviewed: string;
  claimant: string | null;
  claimantRole: string | null;
  claimDate: string | null;
  appearanceUrl: string | null;
  rating: string | null;
  shortVerdict: string;
  explanation: string;
  sources: {
    url: string;
    title: string;
    publisher: string | null;
    publishedAt: string | null;
    archivedUrl: string | null;
    kind: string;
    excerpt: string;
  }[];
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

export function contentOf(d: ClaimDetail): ClaimContent {
  return {
    exact: d.quote.exact,
    statedClaim: d.statedClaim,
    claimReviewed: d.claimReviewed,
    claimant: d.claimant,
    claimantRole: d.claimantRole,
    claimDate: day(d.claimDate),
    appearanceUrl: d.appearanceUrl,
    rating: d.rating?.label ?? null,
    shortVerdict: d.shortVerdict ?? '',
    explanation: explanationText(d.explanation),
    sources: [...d.sources]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        publishedAt: day(s.publishedAt),
        archivedUrl: s.archivedUrl,
        kind: s.kind,
        excerpt: s.excerpt,
      })),
  };
}

export const sameContent = (a: ClaimContent, b: ClaimContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What readers can see of one claim of a published version: the reader page's verdict, the W3C annotation
 * and, on the latest version only, the ClaimReview JSON-LD. The stated claim and a source's kind are shown
 * nowhere public, so they cannot be compared there.
 */
export interface VisibleClaim {
  words: string;
  rating: string;
  shortVerdict: string;
  meta: string;
  appearanceHref: string | null;
  explanation: string;
  sources: { href: string; text: string; archivedHref: string | null; excerpt: string }[];
  annotation: { value: string; exact: string; sourceUrls: string[] };
  jsonLd: {
    claimReviewed: string;
    rating: string;
    claimant: string | null;
    claimantRole: string | null;
    claimDate: string | null;
    appearance: string | null;
  } | null;
}

/** What the public pages must show for a claim whose published content is `c`. */
export function expectedVisible(c: ClaimContent, withJsonLd: boolean): VisibleClaim {
  return {
    words: c.exact,
    rating: c.rating ?? '',
    shortVerdict: c.shortVerdict,
    meta: `${[c.claimant, c.claimantRole].filter(Boolean).join(', ') || 'Unattributed'}${c.claimDate ? ` · ${formatDay(c.claimDate)}` : ''}${c.appearanceUrl ? ' · where it was said' : ''}`,
    appearanceHref: c.appearanceUrl,
    explanation: c.explanation,
    sources: c.sources.map((s) => ({
      href: s.url,
      text: `${s.title}${s.publisher ? `, ${s.publisher}` : ''}${s.publishedAt ? `, ${formatDay(s.publishedAt)}` : ''}${s.archivedUrl ? ' — archived copy' : ''}`,
      archivedHref: s.archivedUrl,
      excerpt: s.excerpt,
    })),
    annotation: {
      value: `${c.rating ?? ''}: ${c.shortVerdict}`,
      exact: c.exact,
      sourceUrls: c.sources.map((s) => s.url),
    },
    jsonLd: withJsonLd
      ? {
          claimReviewed: c.claimReviewed || c.exact.slice(0, 75),
          rating: c.rating ?? '',
          claimant: c.claimant,
          claimantRole: c.claimant ? c.claimantRole : null,
          claimDate: c.claimDate,
          appearance: c.appearanceUrl,
        }
      : null,
  };
}

interface AnnotationItem {
  id: string;
  body: { type: string; value?: string; id?: string; purpose?: string }[];
  target: { selector: { type: string; exact?: string }[] };
}
interface ClaimReviewLd {
  url: string;
  claimReviewed: string;
  reviewRating: { alternateName: string };
  itemReviewed: { author?: { name: string; jobTitle?: string }; datePublished?: string; appearance?: { url: string } };
}

/** Reads every claim of one published version from its public page and its W3C annotations, by claim id. */
export async function readPublishedVersion(
  reader: APIRequestContext,
  url: string,
  publicationId: string,
): Promise<Map<string, VisibleClaim>> {
  const [page, annotations] = await Promise.all([
    reader.get(url),
    reader.get(`/api/v1/publications/${publicationId}/annotations`),
  ]);
  expect(page.status(), url).toBe(200);
  expect(annotations.status(), `annotations of ${url}`).toBe(200);
  const items = ((await annotations.json()) as { first: { items: AnnotationItem[] } }).first.items;
  const { document } = new JSDOM(await page.text()).window;
  const ld = [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap(
    (s) => JSON.parse(s.textContent ?? '[]') as ClaimReviewLd[],
  );
  const claims = new Map<string, VisibleClaim>();
  for (const article of document.querySelectorAll('article.verdict')) {
    const id = article.id.replace(/^claim-/, '');
    const ratingLine = article.querySelector('h3 + p');
    const rating = ratingLine?.querySelector('span.rating')?.textContent ?? '';
    const meta = article.querySelector('p.meta');
    const annotation = items.find((item) => item.id.endsWith(`#${id}`));
    const review = ld.find((r) => r.url.endsWith(`#claim-${id}`));
    claims.set(id, {
      words: (article.querySelector('h3')?.textContent ?? '').replace(/^“|”$/g, ''),
      rating,
      shortVerdict: (ratingLine?.textContent ?? '').slice(rating.length + 1),
      meta: (meta?.textContent ?? '').replace(/ · permalink · share$/, ''),
      appearanceHref:
        [...(meta?.querySelectorAll('a') ?? [])]
          .find((a) => a.textContent === 'where it was said')
          ?.getAttribute('href') ?? null,
      explanation: [...(article.querySelector('div.explanation')?.children ?? [])]
        .map((block) => block.textContent ?? '')
        .join('\n'),
      sources: [...article.querySelectorAll('ol.sources > li')].map((li) => {
        const excerpt = li.querySelector('blockquote')?.textContent ?? '';
        const copy = li.cloneNode(true) as Element;
        copy.querySelector('blockquote')?.remove();
        return {
          href: li.querySelector('a')?.getAttribute('href') ?? '',
          text: (copy.textContent ?? '').replace(/ \(accessed [^)]*\)/, ''),
          archivedHref:
            [...li.querySelectorAll('a')].find((a) => a.textContent === 'archived copy')?.getAttribute('href') ?? null,
          excerpt,
        };
      }),
      annotation: {
        value: annotation?.body.find((b) => b.type === 'TextualBody')?.value ?? '(no annotation)',
        exact: annotation?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '(no annotation)',
        sourceUrls: annotation?.body.filter((b) => b.purpose === 'linking').map((b) => b.id ?? '') ?? [],
      },
      jsonLd: review
        ? {
            claimReviewed: review.claimReviewed,
            rating: review.reviewRating.alternateName,
            claimant: review.itemReviewed.author?.name ?? null,
            claimantRole: review.itemReviewed.author?.jobTitle ?? null,
            claimDate: review.itemReviewed.datePublished ?? null,
            appearance: review.itemReviewed.appearance?.url ?? null,
          }
        : null,
    });
  }
  return claims;
}
