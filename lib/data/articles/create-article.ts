import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { longText } from '@/lib/db/long-text';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { AppError } from '@/lib/errors';
import { fetchPage } from '@/lib/importing/fetch-page';
import { fileToDocument } from '@/lib/importing/file-to-document';
import { fetchImportImages, type ImageToStore } from '@/lib/importing/import-images';
import type { ImportedDocument } from '@/lib/importing/import-jobs';
import { parseArticlePage, parseText } from '@/lib/importing/import-pool';
import type { Prisma } from '@/lib/generated/prisma/client';
import { withoutAccents } from '@/lib/similarity/normalize';
import {
  derivedTitle,
  type ArticleDto,
  type CreateArticleInput,
  type CreatedArticleDto,
} from '@/lib/validation/articles';
import { toArticleDto } from './article-dto';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { storeImportedImages } from '@/lib/data/media/store-images';

export interface ArticleSource {
  /** Made by the import worker (or from plain lines): already checked against the schema, with its plain text. */
  document: ImportedDocument;
  title?: string | null;
  sourceUrl?: string | null;
  publisher?: string | null;
  byline?: string | null;
  originalPublishedAt?: Date | null;
  language?: string | null;
  /** The images the document's figures show, fetched and checked, stored with the article. */
  media?: ImageToStore[];
}

/** Fetches a page and keeps its article (Readability) with title, byline, publisher, date and canonical URL. */
async function importFromUrl(url: string): Promise<ArticleSource> {
  const page = await fetchPage(url);
  const article = await parseArticlePage(page.html, page.url);
  if (!article?.plainText.trim()) {
    throw new AppError('UNPROCESSABLE', 'No article text was found on this page.', [
      { path: 'url', message: 'This page has no article text.' },
    ]);
  }
  return {
    document: {
      content: article.content,
      plainText: article.plainText,
      omitted: article.omitted,
      images: article.images,
    },
    title: article.title,
    sourceUrl: article.canonicalUrl,
    publisher: article.publisher,
    byline: article.byline,
    originalPublishedAt: article.publishedAt,
    language: article.language,
  };
}

/** An uploaded file, read on the import worker; its title is the typed one, else one the file gives. */
export interface ArticleFile {
  file: { name: string; bytes: Buffer };
  title?: string;
}

async function sourceFromInput(input: CreateArticleInput | ArticleFile): Promise<ArticleSource> {
  if ('file' in input) {
    const { title, ...document } = await fileToDocument(input.file.name, input.file.bytes);
    return { document, title: input.title ?? title };
  }
  if ('url' in input) {
    const page = await importFromUrl(input.url);
    return input.title ? { ...page, title: input.title } : page;
  }
  return { document: await parseText(input.format, input.body, 'body'), title: input.title, language: input.language };
}

const slugify = (title: string) =>
  withoutAccents(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'article';

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/**
 * Creates an article from pasted text, an uploaded file or a URL, with the media its import left out; nothing is
 * stored when the text is empty. A file or a page is read only once the actor may create articles.
 */
export async function createArticle(
  actor: Actor | null,
  input: CreateArticleInput | ArticleFile,
): Promise<CreatedArticleDto> {
  authorize(actor, 'editArticles');
  const source = await sourceFromInput(input);
  const { document, media } = await fetchImportImages(source.document);
  return { ...(await storeArticle(actor, { ...source, document, media })), omitted: document.omitted };
}

/** Written first and replaced in the same transaction by the real document (see storeArticle). */
const PLACEHOLDER_CONTENT = { type: 'doc', content: [] };

async function storeArticle(actor: Actor, source: ArticleSource): Promise<ArticleDto> {
  const { plainText: plain } = source.document;
  if (!plain.trim()) {
    throw new AppError('UNPROCESSABLE', 'The article has no text.', [
      { path: 'body', message: 'The article is empty.' },
    ]);
  }
  // Typed titles were validated by the caller's schema; titles from files and pages are made storable here.
  const title = derivedTitle(source.title) || derivedTitle(firstLine(plain)) || 'Untitled article';
  const base = slugify(title);
  // An article with the same title created at the same moment is not seen by the count (not yet committed) and
  // takes the slug first: this one then goes again with a suffix of its own.
  for (let attempt = 0; ; attempt++) {
    try {
      return await insertArticle(actor, source, title, base, attempt > 0);
    } catch (err) {
      if (attempt >= 2 || !isUniqueViolation(err, 'slug')) throw err;
    }
  }
}

async function insertArticle(
  actor: Actor,
  source: ArticleSource,
  title: string,
  base: string,
  suffixed: boolean,
): Promise<ArticleDto> {
  const { content, plainText: plain } = source.document;
  return db().$transaction(async (tx) => {
    const taken = suffixed || (await tx.article.count({ where: { slug: { startsWith: base } } })) > 0;
    const slug = taken ? `${base}-${crypto.randomUUID().slice(0, 6)}` : base;
    const article = await tx.article.create({
      data: {
        title,
        slug,
        content: PLACEHOLDER_CONTENT,
        plainText: '',
        sourceUrl: source.sourceUrl ?? null,
        publisher: source.publisher ?? null,
        byline: source.byline ?? null,
        originalPublishedAt: source.originalPublishedAt ?? null,
        language: source.language?.slice(0, 35) || 'en',
        createdById: actor.id,
        updatedById: actor.id,
        factCheckerId: actor.id,
      },
    });
    await storeImportedImages(tx, actor, article.id, source.media ?? []);
    // The document goes in as one JSON text: given as an object, Prisma's client walks it node by node on the
    // server's only thread (over a second for a 60 KB Markdown import). Long texts go in as pieces (longText).
    const [contentSql, plainSql] = [await longText(tx, JSON.stringify(content)), await longText(tx, plain)];
    await tx.$executeRaw`UPDATE "Article" SET "content" = ${contentSql}::jsonb, "plainText" = ${plainSql} WHERE "id" = ${article.id}`;
    await recordAudit(tx, actor, {
      action: 'article.create',
      entityType: 'Article',
      entityId: article.id,
      after: { title, slug, sourceUrl: article.sourceUrl },
    });
    return toArticleDto({ ...article, content: content as Prisma.JsonObject, plainText: plain }, []);
  });
}
