import os from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { documentFromText } from '@/lib/editor/schema';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS } from '@/lib/validation/articles';
import { storableText } from '@/lib/validation/text';
import type { ArticleResult, ImportJob, ImportResults, ImportedDocument } from './import-jobs';
import type { ParsedClaimReviews } from './claim-review-parse';
import type { PageMetadata } from './read-page-metadata';
import type { TextFormat } from './text-to-document';
import { WorkerPool, type PoolOptions } from './worker-pool';

/** The import worker's entry, found from the project folder at run time so that Next does not bundle it. */
const importWorkerScript = () => path.join(process.cwd(), 'lib', 'importing', 'import-worker.mjs');

export function importPoolOptions(overrides: Partial<PoolOptions> = {}): PoolOptions {
  return {
    script: importWorkerScript(),
    // One core stays with the event loop: 1 worker on 2 cores, at most 2.
    size: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    maxQueue: 8,
    // One parse may take this long on a worker before it is stopped and the user told to split the article.
    timeoutMs: serverEnv().FACTMARK_IMPORT_TIMEOUT_MS,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    ...overrides,
  };
}

type Pool = WorkerPool<ImportJob, ImportResults[keyof ImportResults]>;
// One pool per process, though Next may bundle this module more than once (route handlers, server actions).
const globalPool = globalThis as { factmarkImportPool?: Pool };
const sharedPool = (): Pool => (globalPool.factmarkImportPool ??= new WorkerPool(importPoolOptions()));

/** The pool was made by another bundle's copy, with that copy's AppError class: answer with this copy's. */
function localError(err: unknown): never {
  if (err instanceof AppError || !(err instanceof Error) || err.name !== 'AppError') throw err;
  const e = err as AppError;
  throw new AppError(e.code, e.message, e.errors, e.retryAfter);
}
const pool = (): { run: Pool['run'] } => ({ run: (job, path) => sharedPool().run(job, path).catch(localError) });

export const tooLarge = (path: string, what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', `The ${what} is larger than the limit. Split the article into parts.`, [
    { path, message: `Too large: split the article into parts.` },
  ]);

/** Plain text as paragraphs (one per non-empty line) with its plain text, made in one linear pass. */
function documentOfLines(body: string): ImportedDocument {
  const content: JSONContent = documentFromText(storableText(body));
  const lines = (content.content ?? []).map((p) => p.content?.[0]?.text ?? '');
  return { content, plainText: lines.join('\n'), omitted: [], images: [] };
}

/** Pasted or uploaded text as editor JSON with its plain text; HTML and Markdown are parsed, sanitized and checked on the import worker. */
export async function parseText(
  format: TextFormat,
  body: string,
  path = 'body',
  on: { run: Pool['run'] } = pool(),
): Promise<ImportedDocument> {
  if (body.length > MAX_ARTICLE_CHARS) throw tooLarge(path, 'text (2 MB at most)');
  if (format === 'text') return documentOfLines(body);
  return (await on.run({ kind: 'text', format, body, path }, path)) as ImportedDocument;
}

/** A .docx file's body as editor JSON with its plain text, converted by mammoth on the import worker. */
export async function parseDocx(
  bytes: Uint8Array,
  path = 'file',
  on: { run: Pool['run'] } = pool(),
): Promise<ImportedDocument> {
  return (await on.run({ kind: 'docx', bytes, path }, path)) as ImportedDocument;
}

/** The article of a fetched page (Readability) with its metadata, as editor JSON; null when it has none. */
export async function parseArticlePage(
  html: string,
  url: string,
  on: { run: Pool['run'] } = pool(),
): Promise<ArticleResult> {
  return (await on.run({ kind: 'article', html, url, path: 'url' }, 'url')) as ArticleResult;
}

/** The ClaimReviews of a fetched JSON(-LD) document or of the JSON-LD a page embeds, parsed off the main thread. */
export async function parseClaimReviewPage(
  body: string,
  isJson: boolean,
  allowEmpty = false,
  on: { run: Pool['run'] } = pool(),
): Promise<ParsedClaimReviews> {
  return (await on.run({ kind: 'claimreview', body, isJson, path: 'url', allowEmpty }, 'url')) as ParsedClaimReviews;
}

/** Title, publisher and date from a fetched page's metadata. */
export async function parsePageMetadata(
  html: string,
  url: string,
  on: { run: Pool['run'] } = pool(),
): Promise<PageMetadata> {
  return (await on.run({ kind: 'metadata', html, url, path: 'url' }, 'url')) as PageMetadata;
}
