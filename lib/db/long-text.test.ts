// Long texts go into a statement in pieces (lib/db/long-text.ts): what PostgreSQL gets back is the very same
// text, whatever character sits on a cut.
import { describe, expect, it } from 'vitest';
import { db } from './index';
import { longText } from './long-text';

const PIECE = 128 * 1024;

async function roundTrip(text: string): Promise<string> {
  return db().$transaction(async (tx) => {
    const expression = await longText(tx, text);
    const [row] = await tx.$queryRaw<{ value: string }[]>`SELECT ${expression} AS value`;
    return row?.value ?? '';
  });
}

describe('longText', () => {
  it('gives back short and long texts exactly, with a surrogate pair, quotes and backslashes on every cut', async () => {
    const texts = [
      'short "quoted" \\ text',
      `${'x'.repeat(PIECE - 1)}😀${'y'.repeat(10)}`,
      `${'"\\'.repeat(PIECE)}🇺🇦${'مرحبا'.repeat(30_000)}`,
    ];
    for (const text of texts) expect(await roundTrip(text)).toBe(text);
  });
});
