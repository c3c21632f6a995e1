import { describe, expect, it } from 'vitest';
import { renderAtomFeed, renderListing } from './render-listing';
import { renderPublishedSearch } from './render-search';

const one = {
  title: 'Budget claims',
  slug: 'budget-claims',
  publishedAt: new Date('2026-11-01T10:00:00Z'),
  version: 1,
  claimCount: 1,
};

describe('claim counts on the public list and feed', () => {
  it('says "1 claim checked", not "1 claims"', () => {
    const html = renderListing([one, { ...one, slug: 'two', claimCount: 2 }], 1, false, 'Newsroom');
    expect(html).toContain('1 claim checked');
    expect(html).toContain('2 claims checked');
    expect(html).not.toContain('1 claims');
    const feed = renderAtomFeed([one], 'https://example.org', 'Newsroom');
    expect(feed).toContain('<summary>1 claim checked</summary>');
    // Readers' search (/a?q=) counts the same way.
    const found = renderPublishedSearch('budget', [{ ...one, claims: [] }], 1, false, 'Newsroom');
    expect(found).toContain('1 claim checked');
    expect(found).not.toContain('1 claims');
  });
});
