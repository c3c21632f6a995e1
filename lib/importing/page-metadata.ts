import { fetchPage } from './fetch-page';
import { parsePageMetadata } from './import-pool';
import type { PageMetadata } from './read-page-metadata';

export type { PageMetadata };

/** Title, publisher and date of a source page, fetched here and read from its metadata on the import worker. */
export async function fetchPageMetadata(url: string): Promise<PageMetadata> {
  const page = await fetchPage(url);
  return parsePageMetadata(page.html, page.url);
}
