import 'server-only';
import type { Source } from '@/lib/generated/prisma/client';
import type { SourceKindName } from '@/lib/validation/verdicts';

export type SourceFields = Pick<
  Source,
  'id' | 'url' | 'title' | 'publisher' | 'publishedAt' | 'accessedAt' | 'archivedUrl' | 'kind'
>;

/** A source kind's API name → its stored value. */
export const kindValues = {
  primary: 'PRIMARY_DOCUMENT',
  'official-data': 'OFFICIAL_DATA',
  expert: 'EXPERT',
  news: 'NEWS_REPORT',
  other: 'OTHER',
} as const satisfies Record<SourceKindName, string>;
const kindNames = Object.fromEntries(Object.entries(kindValues).map(([name, value]) => [value, name])) as Record<
  string,
  SourceKindName
>;

export function toSourceDto(s: SourceFields) {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    accessedAt: s.accessedAt?.toISOString() ?? null,
    archivedUrl: s.archivedUrl,
    kind: kindNames[s.kind] ?? 'other',
  };
}
