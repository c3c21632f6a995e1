import type { JSONContent } from '@tiptap/core';
import { plainText } from '@/lib/editor/plain-text';
import { parseDocument } from '@/lib/editor/schema';
import { AppError } from '@/lib/errors';
import type { OmittedItem } from '@/lib/validation/articles';
import { storableText } from '@/lib/validation/text';
import { parseClaimReviewText, type ParsedClaimReviews } from './claim-review-parse';
import { extractArticle, type ExtractedArticle } from './extract-article';
import { htmlToDocument } from './html-to-document';
import type { ImageCandidate } from './image-candidates';
import { readPageMetadata, type PageMetadata } from './read-page-metadata';
import { textToDocument, type TextFormat } from './text-to-document';

/** The parsing the import worker does, off the server's main thread. */
export type ImportJob =
  | { kind: 'text'; format: TextFormat; body: string; path: string }
  | { kind: 'docx'; bytes: Uint8Array; path: string }
  | { kind: 'article'; html: string; url: string; path: string }
  | { kind: 'metadata'; html: string; url: string; path: string }
  | { kind: 'claimreview'; body: string; isJson: boolean; path: string; allowEmpty?: boolean };

/**
 * A document the import worker made, checked against the editor's schema, with its plain text: the main
 * thread stores it as it is instead of parsing and walking it again (for big imports that took seconds).
 */
export interface ImportedDocument {
  content: JSONContent;
  plainText: string;
  /** Media the import left out, listed for the notice after the import. */
  omitted: OmittedItem[];
  /** Images the document shows as figures, still to be fetched and stored by the server (import-images.ts). */
  images: ImageCandidate[];
}

export type ArticleResult = (Omit<ExtractedArticle, 'html'> & ImportedDocument) | null;

export interface ImportResults {
  text: ImportedDocument;
  docx: ImportedDocument;
  article: ArticleResult;
  metadata: PageMetadata;
  claimreview: ParsedClaimReviews;
}

const tooDeep = (path: string) =>
  new AppError(
    'UNPROCESSABLE',
    'The text is nested too deeply to read. Paste it as plain text, or split the article.',
    [{ path, message: 'Nested too deeply: paste it as plain text, or split the article.' }],
  );

/** Checks a document against the schema (and its depth limit) and measures its plain text, on the worker. */
export function importedDocument(
  content: JSONContent,
  omitted: OmittedItem[] = [],
  images: ImageCandidate[] = [],
): ImportedDocument {
  // PostgreSQL stores neither U+0000 nor a lone surrogate (a .docx or a pasted page may hold them).
  const storable = JSON.parse(
    JSON.stringify(content, (_key, value: unknown) => (typeof value === 'string' ? storableText(value) : value)),
  ) as JSONContent;
  return { content: storable, plainText: plainText(parseDocument(storable)).text, omitted, images };
}

async function runJob(job: ImportJob): Promise<ImportResults[keyof ImportResults]> {
  switch (job.kind) {
    case 'text': {
      const [omitted, images]: [OmittedItem[], ImageCandidate[]] = [[], []];
      return importedDocument(textToDocument(job.format, job.body, job.path, omitted, { images }), omitted, images);
    }
    case 'docx': {
      let html: string;
      try {
        const { default: mammoth } = await import('mammoth');
        html = (await mammoth.convertToHtml({ buffer: Buffer.from(job.bytes) })).value;
      } catch {
        throw new AppError('UNPROCESSABLE', 'This file is not a readable .docx.', [
          { path: job.path, message: 'This file is not a readable .docx.' },
        ]);
      }
      const [omitted, images]: [OmittedItem[], ImageCandidate[]] = [[], []];
      return importedDocument(htmlToDocument(html, job.path, omitted, { images, allowData: true }), omitted, images);
    }
    case 'article': {
      const article = extractArticle(job.html, job.url);
      if (!article) return null;
      const { html, ...meta } = article;
      const [omitted, images]: [OmittedItem[], ImageCandidate[]] = [[], []];
      return { ...meta, ...importedDocument(htmlToDocument(html, job.path, omitted, { images }), omitted, images) };
    }
    case 'metadata':
      return readPageMetadata(job.html, job.url);
    case 'claimreview':
      return parseClaimReviewText(job.body, job.isJson, job.path, job.allowEmpty);
  }
}

/** Runs one job; a stack overflow (input nested thousands deep) is the input's fault, not a crash. */
export async function runImportJob(job: ImportJob): Promise<ImportResults[keyof ImportResults]> {
  try {
    return await runJob(job);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw tooDeep(job.path);
    throw err;
  }
}
