/** Everything a published version shows, frozen at publication time (labels and colours included). */
export interface PublicationSnapshot {
  article: {
    id: string;
    title: string;
    slug: string;
    language: string;
    sourceUrl: string | null;
    publisher: string | null;
    byline: string | null;
    originalPublishedAt: string | null;
    content: unknown;
    plainText: string;
  };
  claims: SnapshotClaim[];
  factCheckers: string[];
  organisation: {
    name: string;
    url: string | null;
    logoUrl: string | null;
    methodologyUrl: string | null;
    correctionsPolicyUrl: string | null;
  };
  scale: { bestRating: number | null; worstRating: number | null };
  publishedAt: string;
  number: number;
  correctionNote: string | null;
}

export interface SnapshotClaim {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  statedClaim: string;
  claimReviewed: string;
  claimant: string | null;
  claimantRole: string | null;
  claimDate: string | null;
  appearanceUrl: string | null;
  rating: { label: string; colour: string; value: number | null; description: string };
  shortVerdict: string;
  explanation: unknown;
  /** Claims recorded as the same claim that were published when this version was (absent in older snapshots). */
  alsoChecked?: SnapshotAlsoChecked[];
  sources: {
    url: string;
    title: string;
    publisher: string | null;
    publishedAt: string | null;
    accessedAt: string | null;
    archivedUrl: string | null;
    kind: string;
    excerpt: string;
  }[];
}

export interface SnapshotAlsoChecked {
  claimId: string;
  claimReviewed: string;
  title: string;
  slug: string;
}
