import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

/** The rule ids reported for `code` as if it were the file at `filePath`, linted with the project's own config. */
async function rulesFired(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

beforeAll(() => {
  // The real eslint.config.mjs; only the type-aware rules are off, since the samples are not files of the TypeScript project.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
});

describe('npm run lint keeps imports going down', () => {
  it('fails a component that imports a server action from app/', async () => {
    const fired = await rulesFired(
      "import { signInAction } from '@/app/sign-in/actions';\nexport const a = signInAction;\n",
      'components/auth/sample.tsx',
    );
    expect(fired).toContain('no-restricted-imports');
  });

  it('fails a component that imports lib/data, even for a type, and says it is server-only', async () => {
    const fired = await rulesFired(
      "import type { ReviewView } from '@/lib/data/reviews/get-review-view';\nexport type V = ReviewView;\n",
      'components/review/sample.tsx',
    );
    expect(fired).toEqual(
      expect.arrayContaining(['import/no-restricted-paths', 'factmark/no-server-only-import', 'no-restricted-imports']),
    );
  });

  it('fails a component that imports any other server-only module', async () => {
    const fired = await rulesFired(
      "import { formError } from '@/lib/api/form-result';\nexport const f = formError;\n",
      'components/admin/sample.tsx',
    );
    expect(fired).toEqual(['factmark/no-server-only-import']);
  });

  it("fails a 'use client' module outside components/ that imports a server-only module, even for a type", async () => {
    const code = "'use client';\nimport type { FormState } from '@/lib/api/form-result';\nexport type S = FormState;\n";
    expect(await rulesFired(code, 'app/articles/sample.tsx')).toContain('factmark/no-server-only-import');
    const commented = `// A client island.\n${code}`;
    expect(await rulesFired(commented, 'lib/editor/sample.ts')).toContain('factmark/no-server-only-import');
    // A server module of app/ reads server-only modules freely.
    const server = "import { formError } from '@/lib/api/form-result';\nexport const f = formError;\n";
    expect(await rulesFired(server, 'app/articles/sample.ts')).not.toContain('factmark/no-server-only-import');
  });

  it('fails lib/auth importing lib/data', async () => {
    const fired = await rulesFired(
      "import { findSessionActor } from '@/lib/data/sessions/find-session-actor';\nexport const f = findSessionActor;\n",
      'lib/auth/sample.ts',
    );
    expect(fired).toEqual(expect.arrayContaining(['import/no-restricted-paths', 'no-restricted-imports']));
    const relative = await rulesFired(
      "import { findSessionActor } from '../data/sessions/find-session-actor';\nexport const f = findSessionActor;\n",
      'lib/auth/sample.ts',
    );
    expect(relative).toContain('import/no-restricted-paths');
  });

  it('fails lib/data importing an action', async () => {
    const fired = await rulesFired(
      "import { signOutAction } from '@/lib/actions/sessions';\nexport const f = signOutAction;\n",
      'lib/data/users/sample.ts',
    );
    expect(fired).toContain('import/no-restricted-paths');
  });

  it('fails lib/data importing the route wrapper layer (lib/api)', async () => {
    const fired = await rulesFired(
      "import { problemFromError } from '@/lib/api/problem';\nexport const p = problemFromError;\n",
      'lib/data/users/sample.ts',
    );
    expect(fired).toContain('import/no-restricted-paths');
  });

  it('passes a component that takes its action from lib/actions and its types from lib/validation', async () => {
    const code =
      "'use client';\nimport { signInAction } from '@/lib/actions/sessions';\nimport type { FormState } from '@/lib/validation/form-state';\nexport const a: [typeof signInAction, FormState | null] = [signInAction, null];\n";
    expect(await rulesFired(code, 'components/auth/sample.tsx')).toEqual([]);
  });

  it('fails a raw process.env read outside lib/env.ts, and passes it there and in scripts', async () => {
    const code = 'export const hops = process.env.FACTMARK_TRUSTED_PROXY_HOPS;\n';
    expect(await rulesFired(code, 'lib/auth/sample.ts')).toContain('no-restricted-properties');
    expect(await rulesFired('export const env = { ...process.env };\n', 'proxy.ts')).toContain(
      'no-restricted-properties',
    );
    expect(await rulesFired(code, 'lib/env.ts')).not.toContain('no-restricted-properties');
    expect(await rulesFired(code, 'scripts/sample.ts')).not.toContain('no-restricted-properties');
  });
}, 120_000);
