import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReview as review } from '@/scripts/testing/claim-review-fixtures';
import { parseClaimReviewText } from './claim-review-parse';

// schema.org's own ClaimReview examples (lib/importing/fixtures/claimreview/SOURCE.md): #eg-0324 is complete, #eg-0325 has no reviewRating.
const schemaOrgExamples = readFileSync(
  path.join(import.meta.dirname, 'fixtures/claimreview/sdo-ClaimReview-issue-1061-examples.txt'),
  'utf8',
);

describe('reading ClaimReview', () => {
  it("reads schema.org's examples from the page's JSON-LD, and counts the one without reviewRating as an error", () => {
    const { reviews, errors } = parseClaimReviewText(schemaOrgExamples, false);
    expect(reviews).toEqual([
      {
        url: 'http://www.politifact.com/texas/statements/2014/jul/23/rick-perry/rick-perry-claim-about-3000-homicides-illegal-immi/',
        claimReviewed: 'More than 3,000 homicides were committed by "illegal aliens" over the past six years.',
        ratingLabel: 'True',
        // The author has no name: its address names the publisher.
        publisherName: 'politifact.com',
        publisherUrl: 'http://www.politifact.com/',
        reviewDate: '2014-07-23T00:00:00.000Z',
        claimant: 'Rich Perry',
        language: null,
      },
    ]);
    expect(errors).toEqual([{ index: 1, reason: expect.stringContaining('reviewRating') as string }]);
  });

  it("reads a DataFeed like Factmark's own, an array and a @graph, and labels a rating without a name by its value", () => {
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        review('https://a.example/1', 'One'),
        {
          '@type': 'DataFeedItem',
          item: review('https://a.example/2', 'Two', '', { reviewRating: { ratingValue: 2, bestRating: 5 } }),
        },
      ],
    };
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebPage' }, review('https://a.example/3', 'Three')],
    };
    const { reviews, errors } = parseClaimReviewText(JSON.stringify([feed, graph]), true);
    expect(errors).toEqual([]);
    expect(reviews.map((r) => [r.url, r.ratingLabel])).toEqual([
      ['https://a.example/1', 'False'],
      ['https://a.example/2', '2/5'],
      ['https://a.example/3', 'False'],
    ]);
  });

  it('refuses JSON nested thousands deep without overflowing the stack, and a page with no ClaimReview', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(() => parseClaimReviewText(deep, true)).toThrow(/deeper than 64/);
    expect(() =>
      parseClaimReviewText('<html><script type="application/ld+json">{"@type":"NewsArticle"}</script></html>', false),
    ).toThrow(/No schema.org ClaimReview/);
    const tooMany = Array.from({ length: 5001 }, () => ({ '@type': 'ClaimReview' }));
    expect(() => parseClaimReviewText(JSON.stringify(tooMany), true)).toThrow(/more than 5000 ClaimReviews/);
  });
});
