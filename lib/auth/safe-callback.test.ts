import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('safeCallbackPath', () => {
  it('keeps paths of this site, with their query', () => {
    expect(safeCallbackPath('/articles/new')).toBe('/articles/new');
    expect(safeCallbackPath('/admin/users?page=2#top')).toBe('/admin/users?page=2#top');
    expect(safeCallbackPath('/')).toBe('/');
    expect(safeCallbackPath('/a/some%20slug')).toBe('/a/some%20slug');
  });

  it('sends every way off-site to the dashboard', () => {
    const attacks = [
      '//evil.example',
      '/\\evil.example',
      '/%5Cevil.example',
      '/%5cevil.example',
      '/%255Cevil.example',
      '/%2F/evil.example',
      '/%2f%2fevil.example',
      '/%09/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/%0a/evil.example',
      '/%00',
      '/%E0%A4%A',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      ' /dashboard',
      '',
      '/'.padEnd(3000, 'a'),
    ];
    for (const attack of attacks) expect(safeCallbackPath(attack), JSON.stringify(attack)).toBe('/dashboard');
    expect(safeCallbackPath(undefined)).toBe('/dashboard');
    expect(safeCallbackPath(['/x'])).toBe('/dashboard');
  });
});
