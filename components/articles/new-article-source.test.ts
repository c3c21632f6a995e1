import { describe, expect, it } from 'vitest';
import { parseNewArticleSource } from './new-article-source';

describe('parseNewArticleSource', () => {
  it('reads each known way', () => {
    expect(parseNewArticleSource('paste')).toBe('paste');
    expect(parseNewArticleSource('upload')).toBe('upload');
    expect(parseNewArticleSource('url')).toBe('url');
  });

  it('falls back to paste for a missing, unknown or repeated value', () => {
    expect(parseNewArticleSource(undefined)).toBe('paste');
    expect(parseNewArticleSource(null)).toBe('paste');
    expect(parseNewArticleSource('')).toBe('paste');
    expect(parseNewArticleSource('URL')).toBe('paste');
    expect(parseNewArticleSource('ftp')).toBe('paste');
    expect(parseNewArticleSource(['url', 'upload'])).toBe('paste');
  });
});
