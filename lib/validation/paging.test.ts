import { describe, expect, it } from 'vitest';
import { pageArgs, toPage } from './paging';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id-${i}` }));

describe('cursor paging', () => {
  it('asks for one row more than the page, after the cursor, newest first', () => {
    expect(pageArgs({ limit: 2 })).toEqual({
      take: 3,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    expect(pageArgs({ limit: 2, cursor: 'id-1' })).toMatchObject({ take: 3, cursor: { id: 'id-1' }, skip: 1 });
  });

  it('answers the page and the cursor of its last row when there is more, else no cursor', () => {
    expect(toPage(rows(3), { limit: 2 }, (r) => r.id)).toEqual({ items: ['id-0', 'id-1'], nextCursor: 'id-1' });
    expect(toPage(rows(2), { limit: 2 }, (r) => r.id)).toEqual({ items: ['id-0', 'id-1'], nextCursor: null });
  });
});
