import { Readability } from '@mozilla/readability';
import { quietDom } from './quiet-dom';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  canonicalUrl: string | null;
  language: string | null;
  html: string;
}

const validDate = (value: string | null | undefined) => {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/** The article part of a page and its metadata, by Readability; null when the page has no article text. */
export function extractArticle(html: string, url: string): ExtractedArticle | null {
  const dom = quietDom(html, { url });
  try {
    const { document } = dom.window;
    const meta = (selector: string) => document.querySelector<HTMLMetaElement>(selector)?.content?.trim() || null;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? null;
    const article = new Readability(document).parse();
    if (!article?.content || !article.textContent?.trim()) return null;
    return {
      title: article.title?.trim() || null,
      byline: article.byline?.trim() || meta('meta[name="author"]'),
      publisher: article.siteName?.trim() || meta('meta[property="og:site_name"]'),
      publishedAt: validDate(article.publishedTime) ?? validDate(meta('meta[property="article:published_time"]')),
      canonicalUrl: canonical && /^https?:/.test(canonical) ? canonical : url,
      language: article.lang?.trim() || null,
      html: article.content,
    };
  } finally {
    dom.window.close();
  }
}
