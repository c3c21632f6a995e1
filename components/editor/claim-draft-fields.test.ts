import { describe, expect, it } from 'vitest';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { claimChangesOf, claimFieldValues, conflictingFields } from './claim-draft-fields';

const base: ClaimDetailDto = {
  id: 'c1',
  articleId: 'a1',
  version: 3,
  status: 'DRAFT',
  quote: { exact: 'crime fell by half', prefix: '', suffix: '' },
  position: { start: 0, end: 18 },
  statedClaim: 'Crime fell by half',
  claimReviewed: 'Crime halved',
  claimant: null,
  claimantRole: null,
  claimDate: '2026-03-04T00:00:00.000Z',
  appearanceUrl: null,
  rating: null,
  shortVerdict: null,
  detached: false,
  deletedAt: null,
  createdAt: '2026-03-04T00:00:00.000Z',
  updatedAt: '2026-03-04T00:00:00.000Z',
  explanation: null,
  sources: [],
  lastReview: null,
};
const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('the claim panel’s draft fields', () => {
  it('shows a claim’s missing values as empty fields and its date as the day', () => {
    expect(claimFieldValues(base)).toMatchObject({ claimant: '', claimDate: '2026-03-04', rating: '' });
  });

  it('sends only the fields named, an emptied optional field as null', () => {
    const values = { ...claimFieldValues(base), claimant: '', shortVerdict: 'False' };
    expect(claimChangesOf(values, null, ['claimant', 'shortVerdict', 'explanation'])).toEqual({
      claimant: null,
      shortVerdict: 'False',
    });
  });

  it('names a field both people changed differently, theirs beside mine, with the rating’s label', () => {
    const theirs = { ...base, version: 4, claimant: 'The mayor', rating: { id: 'r1', label: 'False', colour: '#c00' } };
    const mine = { ...claimFieldValues(base), claimant: 'The minister', rating: 'r2', statedClaim: 'Mine only' };
    const label = (id: string) => (id === 'r1' ? 'False' : 'Misleading');
    expect(conflictingFields({ base, theirs }, ['claimant', 'rating', 'statedClaim'], mine, null, label)).toEqual([
      { name: 'claimant', label: 'Claimant', theirs: 'The mayor', mine: 'The minister' },
      { name: 'rating', label: 'Rating', theirs: 'False', mine: 'Misleading' },
    ]);
  });

  it('leaves out a field they changed to what this person typed, and an explanation they did not change', () => {
    const theirs = { ...base, version: 4, claimant: 'The mayor', explanation: paragraph('Their words') };
    const mine = { ...claimFieldValues(base), claimant: 'The mayor' };
    expect(conflictingFields({ base, theirs }, ['claimant'], mine, paragraph('Mine'), String)).toEqual([]);
    expect(conflictingFields({ base, theirs }, ['explanation'], mine, paragraph('Mine'), String)).toEqual([
      { name: 'explanation', label: 'Explanation', theirs: 'Their words', mine: 'Mine' },
    ]);
    expect(conflictingFields({ base, theirs: base }, ['explanation'], mine, paragraph('Mine'), String)).toEqual([]);
    expect(conflictingFields({ base, theirs: null }, ['claimant'], mine, null, String)).toEqual([]);
  });
});
