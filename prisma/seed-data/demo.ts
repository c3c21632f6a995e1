// The demo newsroom every fresh install shows. Everything here is sample data, and says so.
import type { SourceKind } from '@/lib/generated/prisma/enums';

export const demoUsers = [
  { email: 'admin@example.org', name: 'Ada Admin', roles: ['ADMIN'], password: 'demo-admin-password' },
  { email: 'editor@example.org', name: 'Eddie Editor', roles: ['EDITOR'], password: 'demo-editor-password' },
  { email: 'reviewer@example.org', name: 'Rita Reviewer', roles: ['REVIEWER'], password: 'demo-reviewer-password' },
] as const;

export const demoSettings = {
  name: 'Demo Newsroom (sample data)',
  url: 'https://newsroom.example.org',
  methodologyUrl: 'https://newsroom.example.org/methodology',
  correctionsPolicyUrl: 'https://newsroom.example.org/corrections-policy',
};

export const demoArticle = {
  title: 'Witkoff says Putin accepted NATO-style security guarantees for Ukraine',
  slug: 'witkoff-putin-security-guarantees-ukraine',
  publisher: 'Sample newswire',
  originalPublishedAt: '2025-08-18T00:00:00Z',
  language: 'en',
};

type ClaimStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED';

export interface DemoClaim {
  exact: string;
  claimant: string;
  claimantRole: string;
  claimDate: string;
  appearanceUrl: string;
  claimReviewed: string;
  status: ClaimStatus;
  verdict?: { rating: string; shortVerdict: string; explanation: string };
  sources: { url: string; title: string; publisher: string; kind: SourceKind; excerpt: string }[];
}

const cnnSotu = {
  url: 'https://transcripts.cnn.com/show/sotu',
  title: 'State of the Union transcripts',
  publisher: 'CNN',
  kind: 'PRIMARY_DOCUMENT' as const,
};
const natoTreaty = {
  url: 'https://www.nato.int/cps/en/natolive/official_texts_17120.htm',
  title: 'The North Atlantic Treaty',
  publisher: 'NATO',
  kind: 'PRIMARY_DOCUMENT' as const,
};

export const demoClaims: DemoClaim[] = [
  {
    exact:
      'Putin agreed to allow the United States and European allies to provide Ukraine with security guarantees modeled on NATO’s Article 5 collective defense principle',
    claimant: 'Steve Witkoff',
    claimantRole: 'U.S. special envoy',
    claimDate: '2025-08-17',
    appearanceUrl: 'https://transcripts.cnn.com/show/sotu',
    claimReviewed: 'Putin agreed to Article 5-style guarantees for Ukraine',
    status: 'APPROVED',
    verdict: {
      rating: 'Missing context',
      shortVerdict:
        'Sample verdict: Witkoff did say this on CNN, but the Kremlin has not confirmed it and no text of such an agreement has been published.',
      explanation:
        'Sample explanation for the demo. The envoy made the statement in a televised interview. Article 5 of the North Atlantic Treaty binds members to treat an attack on one as an attack on all; a guarantee "modeled on" it outside NATO has no agreed text yet.',
    },
    sources: [
      { ...cnnSotu, excerpt: 'Witkoff: Putin agreed to allow the U.S. and Europe to offer Article 5-like protection.' },
      {
        ...natoTreaty,
        excerpt:
          'The Parties agree that an armed attack against one or more of them … shall be considered an attack against them all.',
      },
    ],
  },
  {
    exact: 'the 3.5-year war',
    claimant: 'Steve Witkoff',
    claimantRole: 'U.S. special envoy',
    claimDate: '2025-08-17',
    appearanceUrl: 'https://transcripts.cnn.com/show/sotu',
    claimReviewed: 'The war in Ukraine has lasted 3.5 years',
    status: 'APPROVED',
    verdict: {
      rating: 'True',
      shortVerdict:
        'Sample verdict: Russia’s full-scale invasion began on 24 February 2022, three and a half years before August 2025.',
      explanation:
        'Sample explanation for the demo. From 24 February 2022 to 17 August 2025 is 3 years and almost 6 months.',
    },
    sources: [
      {
        url: 'https://www.un.org/en/situation-in-ukraine',
        title: 'Situation in Ukraine',
        publisher: 'United Nations',
        kind: 'OFFICIAL_DATA',
        excerpt: 'The Russian Federation launched a full-scale invasion of Ukraine on 24 February 2022.',
      },
      {
        url: 'https://www.britannica.com/event/2022-Russian-invasion-of-Ukraine',
        title: '2022 Russian invasion of Ukraine',
        publisher: 'Encyclopaedia Britannica',
        kind: 'EXPERT',
        excerpt: 'On February 24, 2022, Russia invaded Ukraine.',
      },
    ],
  },
  {
    exact: 'marking the first time Putin has endorsed such protections',
    claimant: 'Steve Witkoff',
    claimantRole: 'U.S. special envoy',
    claimDate: '2025-08-17',
    appearanceUrl: 'https://transcripts.cnn.com/show/sotu',
    claimReviewed: 'First time Putin endorsed security protections for Ukraine',
    status: 'APPROVED',
    verdict: {
      rating: 'Unverifiable',
      shortVerdict: 'Sample verdict: what Putin said in a closed meeting cannot be checked from the public record.',
      explanation:
        'Sample explanation for the demo. No transcript of the Alaska meeting has been released, and the Kremlin’s public statements do not mention such guarantees.',
    },
    sources: [
      { ...cnnSotu, excerpt: 'Witkoff called it the first time Putin had agreed to such protections.' },
      {
        url: 'http://en.kremlin.ru/events/president/news',
        title: 'President of Russia: news',
        publisher: 'Kremlin',
        kind: 'OFFICIAL_DATA',
        excerpt: 'Press statements after the Russia–US talks in Alaska.',
      },
    ],
  },
  {
    exact: 'Russia also committed to a legislative promise not to pursue additional Ukrainian territory',
    claimant: 'Steve Witkoff',
    claimantRole: 'U.S. special envoy',
    claimDate: '2025-08-17',
    appearanceUrl: 'https://transcripts.cnn.com/show/sotu',
    claimReviewed: 'Russia promised in law not to seek more Ukrainian territory',
    status: 'IN_REVIEW',
    verdict: {
      rating: 'Unverifiable',
      shortVerdict: 'Sample verdict in review: no such law or bill has been published in Russia.',
      explanation: 'Sample explanation for the demo, awaiting review.',
    },
    sources: [
      {
        ...cnnSotu,
        excerpt: 'Witkoff: Russia would enshrine in legislation that it will not go after more territory.',
      },
    ],
  },
  {
    exact: 'We covered almost all issues necessary for a peace deal',
    claimant: 'Steve Witkoff',
    claimantRole: 'U.S. special envoy',
    claimDate: '2025-08-17',
    appearanceUrl: 'https://transcripts.cnn.com/show/sotu',
    claimReviewed: 'Almost all issues for a peace deal were covered',
    status: 'DRAFT',
    sources: [],
  },
  {
    exact: 'We’re not at the precipice of a peace deal',
    claimant: 'Marco Rubio',
    claimantRole: 'U.S. Secretary of State',
    claimDate: '2025-08-17',
    appearanceUrl: 'https://abcnews.go.com/ThisWeek',
    claimReviewed: 'A peace deal is not imminent',
    status: 'DRAFT',
    sources: [],
  },
];
