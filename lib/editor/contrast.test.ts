import { describe, expect, it } from 'vitest';
import { defaultRatings } from '@/prisma/seed-data/rating-scale';
import { contrastWithWhite } from './contrast';

describe('contrastWithWhite', () => {
  it('matches the WCAG figures for black and white', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 1);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
  });

  it('every default rating colour carries white text at 4.5:1 or more', () => {
    for (const r of defaultRatings) expect(contrastWithWhite(r.colour), r.label).toBeGreaterThanOrEqual(4.5);
  });
});
