import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

// Found by an attack review: dot segments collapse to `//host` only after URL normalisation, which
// safeCallbackPath applied last and did not check again. `/sign-in?callbackUrl=/.//evil.example` then
// answered a signed-in user with `Location: //evil.example` (a protocol-relative, off-site address).
describe('safeCallbackPath against dot segments', () => {
  const attacks = ['/.//evil.example', '/a/..//evil.example/x', '/%2e//evil.example', '/x/../..//evil.example/path'];

  it.each(attacks)('never returns a protocol-relative address for %s', (attack) => {
    const target = safeCallbackPath(attack);
    expect(target.startsWith('//')).toBe(false);
    expect(new URL(target, 'https://newsroom.example').origin).toBe('https://newsroom.example');
  });
});
