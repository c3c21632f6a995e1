import type { APIRequestContext, APIResponse } from '@playwright/test';
import {
  addSource,
  createTextArticle,
  getClaimDetail,
  markClaim,
  saveClaim,
  submitClaim,
  type ClaimDetail,
} from './newsroom-api';
import {
  contentOf,
  expectedVisible,
  readPublishedVersion,
  sameContent,
  type ClaimContent,
  type VisibleClaim,
} from './public-verdicts';

export type UserKey = 'E1' | 'E2' | 'ER' | 'R1' | 'R2';
export type ClaimStatus = ClaimDetail['status'];
/** Who may write (editors) and who may review (reviewers); ER is both. */
export const editorKeys: UserKey[] = ['E1', 'E2', 'ER'];
export const reviewerKeys: UserKey[] = ['R1', 'R2', 'ER'];

/** The real system: one API client per user, an anonymous reader, and this run's article. */
export interface World {
  api: Record<UserKey, APIRequestContext>;
  reader: APIRequestContext;
  ratings: { id: string; label: string }[];
  articleId: string;
}

export interface Observation {
  version: number;
  status: ClaimStatus;
  content: ClaimContent;
  ratingId: string | null;
  sourceIds: string[];
  explanation: Record<string, unknown> | null;
}

/** A successful approval: the content the reviewer saw at the version they sent, and who had written it. */
export interface Approval {
  step: number;
  version: number;
  reviewer: UserKey;
  authors: UserKey[];
  content: ClaimContent | null;
}

export interface ClaimModel {
  index: number;
  id: string;
  now: Observation;
  /** The last content the test observed at each version: what a reviewer who opened that version saw. */
  seen: Map<number, ClaimContent>;
  /** Who wrote or changed reviewed content since the last approval (or since the claim was marked). */
  authors: Set<UserKey>;
  /** Who only re-sent identical values since then: they may or may not count as authors. */
  resenders: Set<UserKey>;
  approvals: Approval[];
}

export interface PublishedVersion {
  id: string;
  number: number;
  step: number;
  claimIds: string[];
  captured: Map<string, VisibleClaim> | null;
}

export interface Model {
  step: number;
  claims: ClaimModel[];
  published: PublishedVersion[];
}

export class Violation extends Error {}

export function violation(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Violation(message());
}

/** Status and body of a response; any 5xx is a violation whatever the command expected. */
export async function outcome(
  response: APIResponse,
  what: string,
): Promise<{ status: number; text: string; problem: boolean }> {
  const text = await response.text();
  violation(response.status() < 500, () => `${what}: server error ${response.status()} ${text}`);
  return {
    status: response.status(),
    text,
    problem: (response.headers()['content-type'] ?? '').includes('application/problem+json'),
  };
}

export function expectStatus(result: { status: number; text: string }, allowed: number[], what: string): void {
  violation(
    allowed.includes(result.status),
    () => `${what}: got ${result.status} (${result.text.slice(0, 300)}), expected ${allowed.join(' or ')}`,
  );
}

export function expectRefusal(
  result: { status: number; text: string; problem: boolean },
  allowed: number[],
  what: string,
): void {
  expectStatus(result, allowed, what);
  violation(result.problem, () => `${what}: the refusal is not application/problem+json`);
}

function observe(d: ClaimDetail): Observation {
  return {
    version: d.version,
    status: d.status,
    content: contentOf(d),
    ratingId: d.rating?.id ?? null,
    sourceIds: [...d.sources].sort((a, b) => a.position - b.position).map((s) => s.id),
    explanation: d.explanation,
  };
}

export const REVIEWED = new Set<ClaimStatus>(['IN_REVIEW', 'APPROVED']);

/** What a command expects of one claim afterwards; claims it does not name must not change at all. */
export interface ClaimExpectation {
  content?: ClaimContent;
  statuses?: ClaimStatus[];
  version?: 'same' | 'bumped' | 'any';
}

/** A changed claim's status: reviewed claims go back to draft; others stay or become drafts. */
export const statusesAfterChange = (before: ClaimStatus): ClaimStatus[] =>
  REVIEWED.has(before) ? ['DRAFT'] : before === 'DRAFT' ? ['DRAFT'] : [before, 'DRAFT'];

const diffFields = (a: object, b: object) =>
  Object.keys(a)
    .filter(
      (k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]),
    )
    .map(
      (k) =>
        `${k}: ${JSON.stringify((a as Record<string, unknown>)[k])} → ${JSON.stringify((b as Record<string, unknown>)[k])}`,
    )
    .join('; ');

/**
 * Reads every claim again and checks it against what the command expected: content, status and version;
 * everywhere, content never changes without a new version (an approval names a version, so a version must
 * name one content). Then the model takes the observation as the truth.
 */
export async function settle(
  m: Model,
  w: World,
  what: string,
  expectations: Map<number, ClaimExpectation>,
  untouchedVersion: 'same' | 'any' = 'same',
): Promise<void> {
  const details = await Promise.all(m.claims.map((c) => getClaimDetail(w.api.E1, c.id)));
  for (const [i, c] of m.claims.entries()) {
    const detail = details[i];
    if (!detail) throw new Error('claim not read');
    const after = observe(detail);
    const before = c.now;
    const e = expectations.get(c.index) ?? {
      content: before.content,
      statuses: [before.status],
      version: untouchedVersion,
    };
    const label = `${what}: claim ${c.index}`;
    if (e.content)
      violation(
        sameContent(e.content, after.content),
        () => `${label}: content is not as expected (${diffFields(e.content ?? {}, after.content)})`,
      );
    if (e.statuses)
      violation(
        e.statuses.includes(after.status),
        () => `${label}: status ${after.status}, expected ${e.statuses?.join(' or ')} (was ${before.status})`,
      );
    if (e.version === 'same')
      violation(
        after.version === before.version,
        () =>
          `${label}: version ${before.version} → ${after.version}, expected unchanged (the step changed nothing it holds)`,
      );
    if (e.version === 'bumped')
      violation(
        after.version > before.version,
        () => `${label}: version stayed ${before.version} although its content changed`,
      );
    violation(
      sameContent(before.content, after.content) || after.version !== before.version,
      () =>
        `${label}: content changed (${diffFields(before.content, after.content)}) but the version stayed ${after.version}`,
    );
    const earlier = c.seen.get(after.version);
    violation(
      after.version !== before.version || !earlier || sameContent(earlier, after.content),
      () => `${label}: version ${after.version} showed other content before`,
    );
    c.now = after;
    c.seen.set(after.version, after.content);
  }
}

/** The last approval of a claim before a step: what a publication at that step may show. */
const approvalBefore = (c: ClaimModel, step: number) => c.approvals.filter((a) => a.step <= step).at(-1);

/**
 * THE INVARIANT, against what the public sees: every claim of every published version equals the content a
 * reviewer approved (at the version they were shown) who wrote none of it; published versions never change.
 */
export async function checkPublic(m: Model, w: World, what: string): Promise<void> {
  const list = await w.reader.get(`/api/v1/articles/${w.articleId}/publications`);
  const listed = await outcome(list, `${what}: list of publications`);
  if (m.published.length === 0) {
    violation(
      listed.status === 404,
      () => `${what}: publications listed although none was published (${listed.status})`,
    );
    return;
  }
  expectStatus(listed, [200], `${what}: list of publications`);
  const items = (JSON.parse(listed.text) as { items: { id: string; number: number; url: string }[] }).items;
  violation(
    items.length === m.published.length,
    () => `${what}: ${items.length} publications listed, ${m.published.length} made`,
  );
  const pages = await Promise.all(
    m.published.map((p) => {
      const item = items.find((i) => i.number === p.number);
      violation(item?.id === p.id, () => `${what}: published version ${p.number} is not listed as publication ${p.id}`);
      return readPublishedVersion(w.reader, item.url, p.id);
    }),
  );
  for (const [index, p] of m.published.entries()) {
    const isLatest = p.number === m.published.length;
    const label = `${what}: published version ${p.number}`;
    const visible = pages[index];
    if (!visible) throw new Error('version not read');
    violation(
      JSON.stringify([...visible.keys()].sort()) === JSON.stringify([...p.claimIds].sort()),
      () =>
        `${label} shows claims ${[...visible.keys()].map((id) => m.claims.find((c) => c.id === id)?.index).join(',')}, approved then: ${p.claimIds.map((id) => m.claims.find((c) => c.id === id)?.index).join(',')}`,
    );
    if (!p.captured) {
      for (const [id, shown] of visible) {
        const c = m.claims.find((x) => x.id === id);
        violation(c !== undefined, () => `${label}: a claim of another article (${id})`);
        const approval = approvalBefore(c, p.step);
        violation(approval !== undefined, () => `${label}: claim ${c.index} is published but nobody approved it`);
        violation(
          !approval.authors.includes(approval.reviewer),
          () => `${label}: claim ${c.index} was approved by ${approval.reviewer}, who wrote part of it`,
        );
        violation(
          approval.content !== null,
          () =>
            `${label}: claim ${c.index} was approved at version ${approval.version}, which no reviewer was ever shown`,
        );
        const expected = expectedVisible(approval.content, isLatest);
        violation(
          JSON.stringify(expected) === JSON.stringify(shown),
          () =>
            `${label}: claim ${c.index} differs from what ${approval.reviewer} approved at version ${approval.version}: ${diffFields(expected, shown)}`,
        );
      }
      p.captured = visible;
    } else {
      for (const [id, shown] of visible) {
        const before = p.captured.get(id);
        violation(before !== undefined, () => `${label}: claim ${id} appeared after publication`);
        const strip = (v: VisibleClaim) => JSON.stringify({ ...v, jsonLd: null });
        violation(
          strip(before) === strip(shown),
          () => `${label}: claim ${id} changed after publication: ${diffFields(before, shown)}`,
        );
      }
    }
  }
}

export const ARTICLE_TEXT =
  'Opening words of the report. The harbour created 5,000 jobs last year. Officials said more would follow. Bread prices doubled since spring. Economists disagree. Crime fell by half in the city. That is all.';
const QUOTES = [
  'The harbour created 5,000 jobs last year',
  'Bread prices doubled since spring',
  'Crime fell by half in the city',
];
/** Who marks and writes claim k: E1, ER (an editor who also reviews) and E2. */
export const CREATORS: UserKey[] = ['E1', 'ER', 'E2'];

export const sourceFor = (tag: string, k: number) => ({
  url: `https://sources.example.org/${tag}`,
  title: `Report ${tag}`,
  publisher: `Publisher ${k}`,
  publishedAt: `2024-0${(k % 9) + 1}-15`,
  kind: 'official-data' as const,
  excerpt: `Excerpt ${tag}`,
});

/**
 * A fresh article with three claims, each with every reviewed field, one own source and (claims 1 and 2) one
 * source shared with the claim before; all submitted by someone other than their writer.
 */
export async function setupRun(base: Omit<World, 'articleId'>, runTag: string): Promise<{ model: Model; real: World }> {
  const article = await createTextArticle(base.api.E1, ARTICLE_TEXT, `Verdict integrity ${runTag}`);
  const w: World = { ...base, articleId: article.id };
  const claims: ClaimModel[] = [];
  for (const [k, exact] of QUOTES.entries()) {
    const creator = CREATORS[k] ?? 'E1';
    const api = w.api[creator];
    const id = await markClaim(api, article.id, exact);
    await saveClaim(api, id, {
      statedClaim: `Stated claim ${k}`,
      claimReviewed: `Short form ${k}`,
      claimant: `Claimant ${k}`,
      claimantRole: `Role ${k}`,
      claimDate: `2025-0${k + 1}-10`,
      appearanceUrl: `https://appearance.example.org/${k}`,
      rating: w.ratings[k % w.ratings.length]?.id,
      shortVerdict: `Verdict ${k}`,
      explanation: `Explanation ${k}, first paragraph.\nSecond paragraph ${k}.`,
    });
    // A reviewer may have opened any of these versions: each is remembered as it read.
    const seen = new Map([observe(await getClaimDetail(api, id))].map((o) => [o.version, o.content]));
    await addSource(api, id, sourceFor(`${runTag}-own-${k}`, k));
    const now = observe(await getClaimDetail(api, id));
    seen.set(now.version, now.content);
    claims.push({ index: k, id, now, seen, authors: new Set([creator]), resenders: new Set(), approvals: [] });
  }
  for (const k of [1, 2]) {
    const c = claims[k];
    const previous = claims[k - 1];
    if (!c || !previous) continue;
    await addSource(w.api[CREATORS[k] ?? 'E1'], c.id, {
      sourceId: previous.now.sourceIds[0] ?? '',
      excerpt: `Shared with claim ${k}`,
    });
    c.now = observe(await getClaimDetail(w.api.E1, c.id));
    c.seen.set(c.now.version, c.now.content);
  }
  for (const c of claims) {
    await submitClaim(w.api[editorKeys[(c.index + 1) % editorKeys.length] ?? 'E1'], c.id);
    c.now = observe(await getClaimDetail(w.api.E1, c.id));
    c.seen.set(c.now.version, c.now.content);
  }
  return { model: { step: 0, claims, published: [] }, real: w };
}
