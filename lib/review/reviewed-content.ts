import { diffWords } from 'diff';
import { sourceKindLabels, type ClaimDetailDto, type SourceKindName } from '@/lib/validation/verdicts';

/** A source as a claim cites it: what a reviewer approves of it. */
export interface ReviewedSource {
  url: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  accessedAt: string | null;
  archivedUrl: string | null;
  kind: SourceKindName;
  excerpt: string;
}

/**
 * Everything a reviewer approves of a claim, and so everything that goes out when it is published: the
 * words, the claim's fields, the verdict and the sources in their order. The one definition: the lifecycle
 * compares it, reviews store it, publishing publishes it.
 */
export interface ReviewedContent {
  quote: string;
  statedClaim: string;
  claimReviewed: string;
  claimant: string | null;
  claimantRole: string | null;
  claimDate: string | null;
  appearanceUrl: string | null;
  /**
   * The rating, compared by id. An approval also records how the rating read when it was approved (label,
   * colour, value, description): that is what publishing shows, whatever an admin changes in the scale later.
   */
  rating: { id: string; label: string; colour?: string; value?: number | null; description?: string } | null;
  shortVerdict: string;
  /** ProseMirror JSON of the explanation, null when it has no words. */
  explanation: Record<string, unknown> | null;
  sources: ReviewedSource[];
}

/** What a review stores: the format marks it apart from reviews made before approvals recorded content. */
export interface ReviewSnapshot {
  format: 'reviewed-content/1';
  content: ReviewedContent;
}

const orNull = (value: string | null | undefined): string | null => (value ? value : null);

/** The reviewed content of a claim as the API shows it. */
export function reviewedContentOf(claim: ClaimDetailDto): ReviewedContent {
  return {
    quote: claim.quote.exact,
    statedClaim: claim.statedClaim,
    claimReviewed: claim.claimReviewed,
    claimant: orNull(claim.claimant),
    claimantRole: orNull(claim.claimantRole),
    claimDate: claim.claimDate ? new Date(claim.claimDate).toISOString() : null,
    appearanceUrl: orNull(claim.appearanceUrl),
    rating: claim.rating && { id: claim.rating.id, label: claim.rating.label },
    shortVerdict: claim.shortVerdict ?? '',
    explanation: hasWords(claim.explanation) ? claim.explanation : null,
    sources: [...claim.sources]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        url: s.url,
        title: s.title,
        publisher: orNull(s.publisher),
        publishedAt: s.publishedAt ? new Date(s.publishedAt).toISOString() : null,
        accessedAt: s.accessedAt ? new Date(s.accessedAt).toISOString() : null,
        archivedUrl: orNull(s.archivedUrl),
        kind: s.kind,
        excerpt: s.excerpt,
      })),
  };
}

export function reviewSnapshot(content: ReviewedContent): ReviewSnapshot {
  return { format: 'reviewed-content/1', content };
}

/** The content a stored review approved, or null for reviews made before reviews recorded it. */
export function contentOfReview(snapshot: unknown): ReviewedContent | null {
  const s = snapshot as Partial<ReviewSnapshot> | null;
  return s && s.format === 'reviewed-content/1' && s.content ? s.content : null;
}

function hasWords(doc: Record<string, unknown> | null | undefined): doc is Record<string, unknown> {
  return !!doc && explanationText(doc).trim() !== '';
}

/**
 * A canonical string of a JSON value: object keys sorted at every depth, so that values equal as data are
 * equal as strings whatever order the database (jsonb) or the client put their keys in.
 */
export function canonicalJson(value: unknown): string {
  const stack: unknown[] = [value];
  let out = '';
  // Iterative: explanations come from clients and may nest deeply.
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Punctuation) {
      out += item.text;
    } else if (Array.isArray(item)) {
      out += '[';
      stack.push(new Punctuation(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i] === undefined ? null : item[i]);
        if (i > 0) stack.push(new Punctuation(','));
      }
    } else if (item && typeof item === 'object') {
      const entries = Object.entries(item)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out += '{';
      stack.push(new Punctuation('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push(v);
        stack.push(new Punctuation(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`));
      }
    } else {
      out += JSON.stringify(item ?? null);
    }
  }
  return out;
}

class Punctuation {
  constructor(readonly text: string) {}
}

/** The key two contents are compared by: a rating counts by id, not by its current label. */
function contentKey(content: ReviewedContent): string {
  return canonicalJson({ ...content, rating: content.rating?.id ?? null });
}

export const sameContent = (a: ReviewedContent, b: ReviewedContent): boolean => contentKey(a) === contentKey(b);

interface PMJson {
  type?: string;
  text?: string;
  content?: PMJson[];
  marks?: { type?: string; attrs?: { href?: string } }[];
  attrs?: Record<string, unknown>;
}

/**
 * The explanation's words, every block on its own line (list items with "• ", quotes with "> "), and each
 * link's address after its words: what a word diff of it must cover.
 */
export function explanationText(doc: unknown): string {
  const lines: string[] = [];
  const walk = (node: PMJson, prefix: string) => {
    if (node.type === 'text') return;
    const children = node.content ?? [];
    const isTextblock =
      children.length === 0
        ? node.type === 'paragraph' || node.type === 'heading'
        : children.every((c) => c.type === 'text' || c.type === 'hardBreak');
    if (isTextblock && node.type !== 'doc') {
      let line = '';
      for (const child of children) {
        if (child.type === 'hardBreak') line += '\n';
        else {
          line += child.text ?? '';
          const href = child.marks?.find((m) => m.type === 'link')?.attrs?.href;
          if (href) line += ` <${href}>`;
        }
      }
      lines.push(prefix + line);
      return;
    }
    const childPrefix = node.type === 'blockquote' ? `${prefix}> ` : node.type === 'listItem' ? `${prefix}• ` : prefix;
    for (const [i, child] of children.entries())
      walk(child, node.type === 'listItem' && i > 0 ? `${prefix}  ` : childPrefix);
  };
  if (doc && typeof doc === 'object') walk(doc as PMJson, '');
  return lines.join('\n');
}

export const reviewedFieldLabels = {
  words: 'Words in the article',
  statedClaim: 'Claim as stated',
  claimReviewed: 'Short form',
  claimant: 'Claimant',
  claimantRole: 'Claimant’s role',
  claimDate: 'When it was said',
  appearanceUrl: 'Where it was said',
  rating: 'Rating',
  shortVerdict: 'Short verdict',
  explanation: 'Explanation',
  sources: 'Sources',
} as const;
export type ReviewedField = keyof typeof reviewedFieldLabels;

function sourceText(s: ReviewedSource, index: number): string {
  const parts = [
    `${index + 1}. ${s.title} <${s.url}>`,
    `kind: ${sourceKindLabels[s.kind] ?? s.kind}`,
    s.publisher ? `publisher: ${s.publisher}` : '',
    s.publishedAt ? `published: ${s.publishedAt.slice(0, 10)}` : '',
    s.accessedAt ? `accessed: ${s.accessedAt.slice(0, 10)}` : '',
    s.archivedUrl ? `archived: <${s.archivedUrl}>` : '',
    s.excerpt ? `excerpt: “${s.excerpt}”` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** Every reviewed field in words, as the review screen shows and diffs it. */
function contentFields(c: ReviewedContent): Record<ReviewedField, string> {
  return {
    words: c.quote,
    statedClaim: c.statedClaim,
    claimReviewed: c.claimReviewed,
    claimant: c.claimant ?? '',
    claimantRole: c.claimantRole ?? '',
    claimDate: c.claimDate?.slice(0, 10) ?? '',
    appearanceUrl: c.appearanceUrl ?? '',
    rating: c.rating?.label ?? '',
    shortVerdict: c.shortVerdict,
    explanation: explanationText(c.explanation),
    sources: c.sources.map(sourceText).join('\n'),
  };
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldChange {
  field: ReviewedField;
  label: string;
  parts: DiffPart[];
}

// A word diff costs (length × edits): past either bound the field is shown replaced, so the page never computes for long.
const MAX_EDIT_LENGTH = 400;
const MAX_DIFF_MS = 40;

/** A word-level diff of two texts; when they differ too much, the whole of one replaced by the other. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: MAX_DIFF_MS });
  if (!changes)
    return [
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ];
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/**
 * The reviewed fields that differ between two contents, each as a word diff. `before` may also be the
 * fields in words that reviews stored before they recorded content.
 */
export function contentChanges(
  before: ReviewedContent | Record<string, string>,
  after: ReviewedContent,
): FieldChange[] {
  const from: Record<string, string> = isContent(before) ? contentFields(before) : before;
  const to = contentFields(after);
  return (Object.keys(reviewedFieldLabels) as ReviewedField[])
    .filter((field) => (from[field] ?? '') !== to[field])
    .map((field) => ({ field, label: reviewedFieldLabels[field], parts: wordDiff(from[field] ?? '', to[field]) }));
}

function isContent(value: ReviewedContent | Record<string, string>): value is ReviewedContent {
  return Array.isArray((value as ReviewedContent).sources);
}
