import { describe, expect, it } from 'vitest';
import { findAddressProblem } from './address';

const check = (url: string) => {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  return findAddressProblem(pathname, searchParams);
};

describe('findAddressProblem', () => {
  it('refuses %-escapes that do not decode and NUL in the path or the query', () => {
    for (const bad of [
      '/a/%',
      '/a/%E0%A4%A',
      '/a/x/v/%zz',
      '/a/%ED%A0%80',
      '/a/%00',
      '/articles/a%00b',
      '/review/x?claim=%00',
      '/x?%00=1',
    ]) {
      expect(check(bad), bad).not.toBeNull();
    }
    expect(check('/a/%')).toEqual({ path: 'path', message: expect.stringContaining('malformed') });
    expect(check('/review?article=%00')?.path).toBe('query.article');
  });

  it('lets ordinary and well-encoded addresses through', () => {
    for (const good of [
      '/',
      '/a/the-river-rose',
      '/a/caf%C3%A9',
      '/api/v1/sources?q=%F0%9F%98%80',
      '/a/x/diff?from=1&to=2',
      '/x?q=%25',
    ]) {
      expect(check(good), good).toBeNull();
    }
  });
});
