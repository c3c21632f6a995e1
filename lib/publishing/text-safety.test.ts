import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sampleClaim, sampleSnapshot } from './fixtures/sample-snapshot';
import { renderAtomFeed, renderListing } from './render-listing';
import { renderReaderPage } from './render-reader';
import { renderEmbedPage, renderRetractionPage, renderSharePage } from './render-share';
import { renderDiffPage, renderVersionsPage } from './render-versions';
import type { PublicationSnapshot } from './snapshot';

// RIGHT-TO-LEFT OVERRIDE: unisolated, it reverses every character after it up to the end of the paragraph.
const RLO = '\u202E';
const hostile = (s: string) => `${RLO}${s}`;

function hostileSnapshot(overrides: Partial<PublicationSnapshot> = {}): PublicationSnapshot {
  const base = sampleSnapshot();
  const claim = sampleClaim({
    exact: hostile('unemployment fell to 3%'),
    claimReviewed: hostile('Unemployment fell'),
    claimant: hostile('Jane Minister'),
    claimantRole: hostile('Minister of Labour'),
    shortVerdict: hostile('It rose to 4.1%.'),
    rating: { label: hostile('False'), colour: '#b3261e', value: 1, description: '' },
    sources: [
      {
        url: 'https://stats.example/labour',
        title: hostile('Labour survey'),
        publisher: hostile('Statistics office'),
        publishedAt: null,
        accessedAt: null,
        archivedUrl: null,
        kind: 'official-data',
        excerpt: hostile('4.1% in October'),
      },
    ],
  });
  return {
    ...base,
    article: {
      ...base.article,
      title: hostile('Minister on jobs'),
      publisher: hostile('News Example'),
      plainText: hostile(base.article.plainText),
    },
    claims: [claim],
    factCheckers: [hostile('Eddie Editor')],
    organisation: { ...base.organisation, name: hostile('Check Desk') },
    ...overrides,
  };
}

/**
 * Every text node of the page's body holding user text with a bidi control sits in a <bdi>, except the article's own
 * text and explanations: those are blocks of user text, where a control ends with its paragraph.
 */
function unisolated(html: string): string[] {
  const { document, NodeFilter } = new JSDOM(html).window;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.includes(RLO)) continue;
    const parent = node.parentElement;
    if (parent?.closest('bdi, article.text, .explanation')) continue;
    found.push(`${parent?.outerHTML.slice(0, 120) ?? '?'}`);
  }
  return found;
}

describe('user text on public pages is bidi-isolated', () => {
  const s = hostileSnapshot();
  const claim = s.claims[0] ?? sampleClaim();
  const retraction = { reason: hostile('The figures were withdrawn.'), at: new Date('2026-11-02T00:00:00Z') };
  const v2 = hostileSnapshot({
    number: 2,
    correctionNote: hostile('We fixed the rate.'),
    article: { ...s.article, plainText: hostile('The minister said unemployment fell to 4%.') },
  });
  const pages: [string, string][] = [
    [
      'reader',
      renderReaderPage(
        hostileSnapshot({ number: 2, correctionNote: hostile('We fixed the rate.') }),
        'https://factmark.example',
      ),
    ],
    ['share', renderSharePage(s, claim, 'https://factmark.example', retraction)],
    ['embed', renderEmbedPage(s, 'https://factmark.example', null)],
    ['retraction', renderRetractionPage(s, retraction)],
    ['diff', renderDiffPage(s, v2, 2, hostile('Check Desk'))],
    [
      'versions',
      renderVersionsPage(
        {
          slug: 'minister-on-jobs',
          title: hostile('Minister on jobs'),
          versions: [
            { number: 1, publishedAt: new Date('2026-11-01'), correctionNote: null },
            { number: 2, publishedAt: new Date('2026-11-02'), correctionNote: hostile('We fixed the rate.') },
          ],
          retractions: [{ reason: hostile('Withdrawn.'), createdAt: new Date('2026-11-03') }],
          retraction,
        },
        hostile('Check Desk'),
      ),
    ],
    [
      'listing',
      renderListing(
        [
          {
            title: hostile('Minister on jobs'),
            slug: 'minister-on-jobs',
            publishedAt: new Date('2026-11-01'),
            version: 2,
            claimCount: 1,
          },
        ],
        1,
        false,
        hostile('Check Desk'),
      ),
    ],
  ];

  it.each(pages)('the %s page wraps every user string in <bdi>', (_name, html) => {
    expect(html).toContain(`<bdi>${RLO}`);
    expect(unisolated(html)).toEqual([]);
  });

  it('the check finds user text that is not isolated', () => {
    expect(unisolated(`<p>${RLO}Jane · 1 October 2026</p>`)).toHaveLength(1);
  });
});

describe('the Atom feed', () => {
  it('stays well-formed XML whatever control characters a title holds', () => {
    const title = 'Jobs\u0000 \u0001claim\u0008\u000B\u000C\u001F \uFFFE\uFFFF lone \uD800 and \uDC00 tab\there 😀 end';
    const xml = renderAtomFeed(
      [{ title, slug: 'jobs', publishedAt: new Date('2026-11-01T10:00:00Z'), version: 1, claimCount: 1 }],
      'https://factmark.example',
      'Check\u0002 Desk',
    );
    const { document } = new JSDOM(xml, { contentType: 'application/xml' }).window;
    expect(document.querySelector('entry > title')?.textContent).toBe('Jobs claim  lone  and  tab\there 😀 end');
    expect(document.querySelector('feed > title')?.textContent).toBe('Check Desk: fact-checks');
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('the XML parser used here refuses a control character, so the test above can fail', () => {
    expect(
      () => new JSDOM('<?xml version="1.0"?><feed><title>a\u0001b</title></feed>', { contentType: 'application/xml' }),
    ).toThrow();
  });
});
