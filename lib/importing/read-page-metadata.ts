import { quietDom } from './quiet-dom';

export interface PageMetadata {
  title: string | null;
  publisher: string | null;
  publishedAt: Date | null;
}

/** Title, publisher and date of a source page from its metadata (Open Graph, article:*, <title>). */
export function readPageMetadata(html: string, url: string): PageMetadata {
  const dom = quietDom(html, { url });
  try {
    const doc = dom.window.document;
    const meta = (selector: string) => doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() || null;
    const date =
      meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[name="dcterms.date"]');
    const parsed = date ? new Date(date) : null;
    return {
      title: meta('meta[property="og:title"]') ?? (doc.title.trim() || null),
      publisher: meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]'),
      publishedAt: parsed && !Number.isNaN(parsed.getTime()) ? parsed : null,
    };
  } finally {
    dom.window.close();
  }
}
