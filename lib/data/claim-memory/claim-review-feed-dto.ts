import 'server-only';
import type { ClaimReviewFeedDto } from '@/lib/validation/claim-reviews';

type FeedRow = {
  id: string;
  url: string;
  createdAt: Date;
  lastRunAt: Date | null;
  lastResult: unknown;
  lastError: string | null;
  _count: { claims: number };
};

export function feedDto(f: FeedRow): ClaimReviewFeedDto {
  const r = f.lastResult as {
    imported?: number;
    updated?: number;
    skipped?: number;
    errors?: number;
    pages?: number;
  } | null;
  return {
    id: f.id,
    url: f.url,
    createdAt: f.createdAt.toISOString(),
    lastRunAt: f.lastRunAt?.toISOString() ?? null,
    lastResult: r
      ? {
          imported: r.imported ?? 0,
          updated: r.updated ?? 0,
          skipped: r.skipped ?? 0,
          errors: r.errors ?? 0,
          pages: r.pages ?? 1,
        }
      : null,
    lastError: f.lastError,
    claims: f._count.claims,
  };
}

export const withCount = { _count: { select: { claims: true } } } as const;
