import { describe, expect, it } from 'vitest';
import { cursorPage, pageArgs, toPage } from './paging';

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

  it("reads a page's ?after= as a cursor only when it is an id; anything else is the first page", () => {
    const id = '0b7c8f3e-5d2a-4c61-9f0e-2a4b6c8d0e1f';
    expect(cursorPage(id, 50)).toEqual({ query: { limit: 50, cursor: id }, paged: true });
    for (const after of [undefined, '', 'not an id', '../x', [id, id]]) {
      expect(cursorPage(after, 100)).toEqual({ query: { limit: 100 }, paged: false });
    }
  });
});
