// The suggested-claims figures of `npm run bench:search` (also alone: `npm run bench:search -- --suggest-only`),
// measured on bench/fixtures/check-worthy.json through the scorer itself (lib/suggestions), no database needed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MAX_ARTICLE_CHARS } from '@/lib/validation/articles';
import { suggestClaims } from '@/lib/suggestions/suggest-claims';
import { percentile, round } from './support';

interface LabelledArticle {
  article: string;
  sentences: { text: string; checkWorthy: boolean }[];
}

const TOP = 10;
/** Sentences per paragraph when an article is put together, so that sentence splitting is part of what is measured. */
const PARAGRAPH = 3;

/** The article's text (three sentences a paragraph) and where each sentence starts in it. */
function assemble(article: LabelledArticle): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  for (const [i, s] of article.sentences.entries()) {
    if (i > 0) text += i % PARAGRAPH === 0 ? '\n' : ' ';
    starts.push(text.length);
    text += s.text;
  }
  return { text, starts };
}

/** Index of the sentence holding offset `at`. */
const sentenceAt = (starts: number[], at: number) => starts.findLastIndex((start) => start <= at);

/**
 * suggestPrecisionAt10: each labelled article (24–26 sentences) is scored as one text; of its first ten
 * suggestions (fewer when fewer were offered), the share that lie in a sentence labelled check-worthy;
 * averaged over the articles. suggestRecall: of all sentences labelled check-worthy, the share that any
 * suggestion offered (all of them, above the scorer's threshold) lies in.
 */
export async function measureSuggestions(): Promise<Record<string, unknown>> {
  const articles = JSON.parse(
    await readFile(path.join(import.meta.dirname, 'fixtures', 'check-worthy.json'), 'utf8'),
  ) as LabelledArticle[];
  const precisions: number[] = [];
  const articleMs: number[] = [];
  let found = 0;
  let worthy = 0;
  let offered = 0;
  // The event loop is watched while articles are scored, not while this benchmark reads and builds its fixtures.
  const articlesLoop = monitorEventLoopDelay({ resolution: 5 });
  articlesLoop.enable();
  for (const article of articles) {
    const { text, starts } = assemble(article);
    const t0 = performance.now();
    const suggestions = await suggestClaims(text);
    articleMs.push(performance.now() - t0);
    const hits = suggestions.map((s) => sentenceAt(starts, s.position.start));
    const top = hits.slice(0, TOP);
    if (top.length > 0) precisions.push(top.filter((i) => article.sentences[i]?.checkWorthy).length / top.length);
    else precisions.push(0);
    for (const [i, s] of article.sentences.entries()) {
      if (!s.checkWorthy) continue;
      worthy++;
      if (hits.includes(i)) found++;
      else process.stderr.write(`suggest: missed “${s.text}”\n`);
    }
    for (const i of top)
      if (!article.sentences[i]?.checkWorthy)
        process.stderr.write(`suggest: top 10 holds “${article.sentences[i]?.text ?? ''}”\n`);
    offered += suggestions.length;
  }

  articlesLoop.disable();

  // The documented limit: 2 MB of text, the fixture's articles repeated; the event loop's largest delay while scoring.
  const all = articles.map((a) => assemble(a).text).join('\n');
  const big = all.repeat(Math.ceil(MAX_ARTICLE_CHARS / all.length)).slice(0, MAX_ARTICLE_CHARS);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  const bigSuggestions = await suggestClaims(big);
  const bigMs = performance.now() - t0;
  loop.disable();

  const sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
  return {
    suggestCommand: 'npm run bench:search -- --suggest-only',
    suggestMeasuredAt: new Date().toISOString(),
    suggestArticles: articles.length,
    suggestSentences: sentences,
    suggestCheckWorthy: worthy,
    suggestOffered: offered,
    suggestPrecisionAt10: round(precisions.reduce((a, b) => a + b, 0) / precisions.length),
    suggestRecall: round(found / worthy),
    suggestArticleP95Ms: round(percentile(articleMs, 95)),
    suggest2MbMs: round(bigMs),
    suggest2MbSuggestions: bigSuggestions.length,
    suggest2MbEventLoopMaxMs: round(loop.max / 1e6),
    suggestArticlesEventLoopMaxMs: round(articlesLoop.max / 1e6),
  };
}
