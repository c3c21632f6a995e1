import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** What `prettier --check` decides for `code` as if it were the file at `filePath`, with the project's config and ignore file. */
async function passesCheck(code: string, filePath: string): Promise<boolean | 'ignored'> {
  const file = path.join(root, filePath);
  const info = await prettier.getFileInfo(file, { ignorePath: path.join(root, '.prettierignore') });
  if (info.ignored) return 'ignored';
  return prettier.check(code, { ...(await prettier.resolveConfig(file)), filepath: file });
}

describe('npm run lint keeps one format', () => {
  it('runs prettier --check over the whole tree after ESLint', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.lint).toMatch(/&& prettier --check (--log-level=warn )?\.$/);
  });

  it('fails an unformatted module of lib/, components/ and app/, and passes it once formatted', async () => {
    const unformatted = "export const  limits = {a:1,\n b:'two'}\n";
    const formatted = "export const limits = { a: 1, b: 'two' };\n";
    for (const file of ['lib/auth/sample.ts', 'components/ui/sample.tsx', 'app/sample/page.tsx']) {
      expect(await passesCheck(unformatted, file), file).toBe(false);
      expect(await passesCheck(formatted, file), file).toBe(true);
    }
  });

  it('wraps at 120 characters', async () => {
    const call = `export const joined = [${Array.from({ length: 12 }, (_, i) => `'item-${i}'`).join(', ')}].join(' ');\n`;
    expect(call.length).toBeGreaterThan(121);
    expect(await passesCheck(call, 'lib/auth/sample.ts')).toBe(false);
  });
});
