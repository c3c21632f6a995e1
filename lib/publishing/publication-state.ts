/** What an article's public state depends on: its latest publication and its latest retraction. */
export interface PublicationState {
  publications: { number: number; publishedAt: Date }[];
  retractions: { reason: string; createdAt: Date }[];
}

export interface Retraction {
  reason: string;
  at: Date;
}

/** The latest version and the retraction that stands on it: a retraction holds until the next publication. */
export function publicationState(state: PublicationState): {
  latest: { number: number; publishedAt: Date } | null;
  retraction: Retraction | null;
} {
  const latest = state.publications[0] ?? null;
  const last = state.retractions[0];
  return {
    latest,
    retraction:
      latest && last && last.createdAt > latest.publishedAt ? { reason: last.reason, at: last.createdAt } : null,
  };
}
