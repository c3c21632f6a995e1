import { readFileSync } from 'node:fs';
import path from 'node:path';
import { structuredDataTest, type StructuredDataResult } from 'structured-data-testing-tool';
import { Google } from 'structured-data-testing-tool/presets';
import { describe, expect, it } from 'vitest';
import { claimReviews, jsonLdBlock } from './claim-review';
import { sampleClaim, sampleSnapshot } from './fixtures/sample-snapshot';
import { renderReaderPage } from './render-reader';

/** Runs the offline validator; a failed validation comes back as a result rather than a rejection. */
async function validate(html: string): Promise<StructuredDataResult> {
  try {
    return await structuredDataTest(html, { presets: [Google], schemas: ['ClaimReview'] });
  } catch (err) {
    const res = (err as { res?: StructuredDataResult }).res;
    if (!res) throw err;
    return res;
  }
}

const schemaOrgExample = () => {
  const text = readFileSync(
    path.join(import.meta.dirname, 'fixtures/claimreview/sdo-ClaimReview-issue-1061-examples.txt'),
    'utf8',
  );
  const eg0324 = text.slice(0, text.indexOf('TYPES: #eg-0325'));
  return eg0324.slice(
    eg0324.indexOf('<script type="application/ld+json">'),
    eg0324.lastIndexOf('</script>') + '</script>'.length,
  );
};

describe('ClaimReview structured data', () => {
  it('the offline validator accepts schema.org’s own example and rejects one without a rating', async () => {
    const ok = await validate(`<html><head>${schemaOrgExample()}</head><body></body></html>`);
    expect(ok.failed).toEqual([]);
    const broken = schemaOrgExample().replace(/"reviewRating": \{[\s\S]*?\},\n/, '');
    const bad = await validate(`<html><head>${broken}</head><body></body></html>`);
    expect(bad.failed.map((t) => t.test)).toContain('ClaimReview[0].reviewRating');
  });

  it('the reader page passes the validator with no failure and no warning', async () => {
    const result = await validate(renderReaderPage(sampleSnapshot(), 'https://factmark.example'));
    expect(result.schemas).toContain('ClaimReview');
    expect(result.failed).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('carries what Google documents: permalink url, organisation, date, rating from the scale and the claim with its claimant', () => {
    const [review] = claimReviews(sampleSnapshot(), 'https://factmark.example');
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factmark.example/a/minister-on-jobs#claim-claim-a',
      claimReviewed: 'Unemployment fell to 3% last year',
      author: { '@type': 'Organization', name: 'Check Desk', url: 'https://checkdesk.example' },
      datePublished: '2026-11-01',
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Jane Minister', jobTitle: 'Minister of Labour' },
        datePublished: '2026-10-01',
        appearance: { '@type': 'CreativeWork', url: 'https://news.example/interview' },
      },
    });
  });

  it('omits the numeric rating for a rating outside the ordinal scale', () => {
    const snapshot = sampleSnapshot({
      claims: [sampleClaim({ rating: { label: 'Satire', colour: '#4b5563', value: null, description: '' } })],
    });
    expect(claimReviews(snapshot, 'https://factmark.example')[0]?.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Satire',
    });
  });

  it('cannot be closed early by text in a claim', () => {
    const snapshot = sampleSnapshot({ claims: [sampleClaim({ claimReviewed: '</script><script>alert(1)</script>' })] });
    const block = jsonLdBlock(claimReviews(snapshot, 'https://factmark.example'));
    expect(block).not.toContain('</script>');
    expect(JSON.parse(block)[0].claimReviewed).toBe('</script><script>alert(1)</script>');
  });
});
