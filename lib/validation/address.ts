import { hasBadText } from './text';

export interface AddressProblem {
  path: string;
  message: string;
}

/**
 * What is wrong with a request's address before any route sees it: a path segment whose %-escapes do not
 * decode to UTF-8 (Next's router answers those with a 500), or a path or query value that decodes to text
 * PostgreSQL cannot store (U+0000). Null when the address is fine.
 */
export function findAddressProblem(pathname: string, search: URLSearchParams): AddressProblem | null {
  if (pathname.includes('%')) {
    for (const segment of pathname.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return { path: 'path', message: 'The address holds a malformed %-escape.' };
      }
      if (hasBadText(decoded)) return { path: 'path', message: 'The address holds a NUL character (%00).' };
    }
  }
  for (const [key, value] of search) {
    if (hasBadText(key) || hasBadText(value))
      return { path: `query.${key.replace(/\0/g, '')}`, message: 'The query holds a NUL character (%00).' };
  }
  return null;
}
