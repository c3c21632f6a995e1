const BASE = 'http://factmark.invalid';
// Control characters (browsers drop tabs and newlines from URLs) and backslashes (browsers read `\` as `/`).
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/** `value` decoded until it stops changing (a few rounds), or null when an escape is malformed. */
function decodeFully(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Where to go after signing in: only a path of this site (`/x`), never `//host`, `/\host`, a path
 * that decodes to one (`/%5Chost`, `/%09/host`), control characters or an absolute URL; else `fallback`.
 */
export function safeCallbackPath(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE_CHARACTERS.test(value)) return fallback;
  const decoded = decodeFully(value);
  if (decoded === null || decoded.startsWith('//') || UNSAFE_CHARACTERS.test(decoded)) return fallback;
  const url = new URL(value, BASE);
  if (url.origin !== BASE) return fallback;
  // Dot segments collapse only now (`/.//host` → `//host`): the path as the browser will read it is checked too.
  const path = url.pathname;
  if (path.startsWith('//') || decodeFully(path)?.startsWith('//') !== false) return fallback;
  return `${path}${url.search}${url.hash}`;
}
