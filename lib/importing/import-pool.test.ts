import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '@/lib/editor/schema';
import { plainText } from '@/lib/editor/plain-text';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS } from '@/lib/validation/articles';
import type { ImportJob, ImportResults } from './import-jobs';
import { importPoolOptions, parseDocx, parseText } from './import-pool';
import { WorkerPool } from './worker-pool';
import { refusal } from '@/scripts/testing/refusal';

type Pool = WorkerPool<ImportJob, ImportResults[keyof ImportResults]>;
const pools: Pool[] = [];
const newPool = (overrides: Parameters<typeof importPoolOptions>[0] = {}): Pool => {
  const pool: Pool = new WorkerPool(importPoolOptions({ size: 1, timeoutMs: 60_000, ...overrides }));
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));
// One worker shared by the tests that need no special limits (starting one takes seconds on a busy machine).
let shared: Pool | undefined;
const sharedPool = () => (shared ??= newPool());
// Starting a worker on a machine loaded far beyond its cores has taken over 100 s.
const SLOW = 300_000;

function depth(json: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const child of (node as { content?: unknown[] }).content ?? []) stack.push([child, d + 1]);
  }
  return max;
}

describe('the import worker pool', () => {
  it(
    'parses HTML and Markdown on a worker into the editor schema',
    async () => {
      const pool = sharedPool();
      const html = await parseText(
        'html',
        '<h1>Title</h1><p>Some <b>bold</b> <script>alert(1)</script><a href="javascript:x">js</a></p>',
        'body',
        pool,
      );
      // The worker's plain text is the one the main thread would compute from the checked document.
      expect(plainText(parseDocument(html.content)).text).toBe('Title\nSome bold js');
      expect(html.plainText).toBe('Title\nSome bold js');
      expect(JSON.stringify(html.content)).not.toMatch(/alert|javascript/);
      const md = await parseText('markdown', '## Heading\n\nA *claim*.', 'body', pool);
      expect(plainText(parseDocument(md.content)).text).toBe('Heading\nA claim.');
      expect(md.plainText).toBe('Heading\nA claim.');
    },
    SLOW,
  );

  it(
    'stops a job past its time limit, answers 422 and replaces the worker',
    async () => {
      const pool = newPool({ timeoutMs: 2000 });
      // 55,000 paragraphs, just under 2 MB and the element limit: seconds of work even on an idle machine.
      const job = parseText('html', '<p>A sentence of a long article.</p>'.repeat(55_000), 'body', pool);
      const [before] = pool.threadIds;
      const err = await refusal(job);
      expect(err.status).toBe(422);
      expect(err.errors[0]).toMatchObject({ path: 'body', message: expect.stringMatching(/split the article/) });
      expect(pool.replaced).toBe(1);
      const after = await parseText('html', '<p>still works</p>', 'body', pool);
      expect(after.plainText).toBe('still works');
      expect(pool.threadIds).toHaveLength(1);
      expect(pool.threadIds[0]).not.toBe(before);
    },
    SLOW,
  );

  it('refuses text over 2 MB with 413 before any parsing', async () => {
    const err = await refusal(parseText('html', 'x'.repeat(MAX_ARTICLE_CHARS + 1), 'body', newPool()));
    expect(err.status).toBe(413);
    expect(err.errors[0]?.path).toBe('body');
  });

  it(
    'refuses with 503 and Retry-After when the queue is full',
    async () => {
      const pool = newPool({ maxQueue: 1 });
      // The worker is still starting, so the first job waits in the queue and fills it.
      const first = parseText('html', '<p>words</p>', 'body', pool).catch((e: unknown) => e);
      const err = await refusal(parseText('html', '<p>more words</p>', 'body', pool));
      expect(err.status).toBe(503);
      expect(err.retryAfter).toBeGreaterThan(0);
      expect(err.errors[0]?.path).toBe('body');
      await pool.close();
      expect(String(await first)).toMatch(/closed/);
    },
    SLOW,
  );

  it(
    'reads 20,000 sibling <div>s, and refuses 20,000 nested ones as too deep, with 422',
    async () => {
      const pool = sharedPool();
      const siblings = await parseText('html', '<div>x</div>'.repeat(20_000), 'body', pool).catch(
        (err: unknown) => err,
      );
      if (siblings instanceof AppError) expect(siblings.status).toBe(422);
      else expect((siblings as { plainText: string }).plainText.split('\n')).toHaveLength(20_000);
      const nested = await refusal(parseText('html', '<div>'.repeat(20_000), 'body', pool));
      expect(nested.status).toBe(422);
      expect(nested.errors[0]?.message).toMatch(/plain text/);
    },
    SLOW,
  );

  it(
    'flattens Markdown quotes nested thousands deep instead of overflowing the stack',
    async () => {
      const doc = await parseText('markdown', `${'> '.repeat(5000)}deep words`, 'body', sharedPool());
      expect(doc.plainText).toBe('deep words');
      expect(depth(doc.content)).toBeLessThan(100);
    },
    SLOW,
  );

  it(
    'refuses a damaged .docx as not readable, with 422 on the file field',
    async () => {
      const zip = new JSZip();
      zip.file('word/document.xml', '<not-word/>');
      const damaged = await zip.generateAsync({ type: 'nodebuffer' });
      const err = await refusal(parseDocx(damaged, 'file', sharedPool()));
      expect(err.status).toBe(422);
      expect(err.errors).toEqual([{ path: 'file', message: 'This file is not a readable .docx.' }]);
    },
    SLOW,
  );
});
