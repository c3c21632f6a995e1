import fc from 'fast-check';
import {
  sourceFor,
  statusesAfterChange,
  REVIEWED,
  checkPublic,
  editorKeys,
  expectRefusal,
  expectStatus,
  outcome,
  reviewerKeys,
  settle,
  violation,
} from './verdict-model';
import type { ClaimExpectation, ClaimModel, Model, UserKey, World } from './verdict-model';
import type { ClaimContent } from './public-verdicts';

type Command = fc.AsyncCommand<Model, World>;

const claimAt = (m: Model, i: number): ClaimModel => {
  const c = m.claims[i % m.claims.length];
  if (!c) throw new Error(`no claim ${i}`);
  return c;
};

/** Runs one step: the action, then the claims re-read against expectations, then the public invariant. */
async function step(
  m: Model,
  w: World,
  what: string,
  act: () => Promise<{
    expectations: Map<number, ClaimExpectation>;
    untouchedVersion?: 'same' | 'any';
    after?: () => void;
  }>,
) {
  m.step++;
  const label = `step ${m.step} ${what}`;
  const { expectations, untouchedVersion, after } = await act();
  // The public check reads only publications and approvals of earlier steps: it runs beside the claims' re-read.
  await Promise.all([
    settle(m, w, label, expectations, untouchedVersion).then(() => after?.()),
    checkPublic(m, w, label),
  ]);
}

const FIELDS = [
  'statedClaim',
  'claimReviewed',
  'claimant',
  'claimantRole',
  'claimDate',
  'appearanceUrl',
  'rating',
  'shortVerdict',
  'explanation',
] as const;
type Field = (typeof FIELDS)[number];

/** The value to send for a field and the content it should produce; `same` re-sends what the claim has. */
function fieldValue(
  c: ClaimModel,
  w: World,
  field: Field,
  k: number,
  same: boolean,
): { send: unknown; content: ClaimContent } {
  const now = c.now.content;
  if (same) {
    const send =
      field === 'rating'
        ? c.now.ratingId
        : field === 'explanation'
          ? c.now.explanation
          : field === 'claimDate'
            ? now.claimDate
            : now[field];
    return { send, content: now };
  }
  switch (field) {
    case 'rating': {
      const rating = w.ratings[k % w.ratings.length];
      return { send: rating?.id ?? null, content: { ...now, rating: rating?.label ?? null } };
    }
    case 'explanation': {
      const text = `Explanation ${k}, first paragraph.\nSecond paragraph ${k}.`;
      return { send: text, content: { ...now, explanation: text } };
    }
    case 'claimDate': {
      const date = k === 3 ? null : `2025-0${k + 1}-1${k}`;
      return { send: date, content: { ...now, claimDate: date } };
    }
    case 'claimant':
    case 'claimantRole':
    case 'appearanceUrl': {
      const value =
        k === 3
          ? null
          : field === 'appearanceUrl'
            ? `https://appearance.example.org/${k}`
            : `${field === 'claimant' ? 'Claimant' : 'Role'} ${k}`;
      return { send: value, content: { ...now, [field]: value } };
    }
    default: {
      const value = `${field === 'statedClaim' ? 'Stated claim' : field === 'claimReviewed' ? 'Short form' : 'Verdict'} ${k}`;
      return { send: value, content: { ...now, [field]: value } };
    }
  }
}

/** Records a write by `who`: an author when it changed the content, a re-sender when it did not. */
function wrote(c: ClaimModel, who: UserKey, changed: boolean): void {
  if (changed) c.authors.add(who);
  else c.resenders.add(who);
}

function changeExpectation(c: ClaimModel, content: ClaimContent): ClaimExpectation {
  const changed = JSON.stringify(content) !== JSON.stringify(c.now.content);
  return changed
    ? { content, statuses: statusesAfterChange(c.now.status), version: 'bumped' }
    : { content, statuses: [c.now.status], version: 'same' };
}

class EditField implements Command {
  constructor(
    readonly claim: number,
    readonly editor: UserKey,
    readonly field: Field,
    readonly k: number,
    readonly same: boolean,
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const { send, content } = fieldValue(c, w, this.field, this.k, this.same);
      const result = await outcome(
        await w.api[this.editor].patch(`/api/v1/claims/${c.id}`, {
          data: { baseVersion: c.now.version, [this.field]: send },
        }),
        this.toString(),
      );
      expectStatus(result, [200], this.toString());
      const e = changeExpectation(c, content);
      return { expectations: new Map([[c.index, e]]), after: () => wrote(c, this.editor, e.version === 'bumped') };
    });
  }
  toString = () => `edit(claim ${this.claim % 3}, ${this.editor}, ${this.field}, ${this.same ? 'same value' : this.k})`;
}

class Submit implements Command {
  constructor(
    readonly claim: number,
    readonly editor: UserKey,
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const result = await outcome(await w.api[this.editor].post(`/api/v1/claims/${c.id}/submit`), this.toString());
      if (REVIEWED.has(c.now.status)) {
        expectRefusal(result, [409], this.toString());
        return { expectations: new Map() };
      }
      expectStatus(result, [200], this.toString());
      return {
        expectations: new Map([[c.index, { content: c.now.content, statuses: ['IN_REVIEW'], version: 'any' }]]),
      };
    });
  }
  toString = () => `submit(claim ${this.claim % 3}, ${this.editor})`;
}

/** The version a reviewer who opened the claim earlier holds: the last one before the current. */
function staleVersion(c: ClaimModel): number {
  const older = [...c.seen.keys()].filter((v) => v < c.now.version);
  return older.length ? Math.max(...older) : c.now.version + 1;
}

function recordApproval(m: Model, c: ClaimModel, reviewer: UserKey, version: number): void {
  c.approvals.push({ step: m.step, version, reviewer, authors: [...c.authors], content: c.seen.get(version) ?? null });
  c.authors.clear();
  c.resenders.clear();
}

const STATE_WORDS: Record<string, RegExp> = {
  DRAFT: /draft/i,
  IN_REVIEW: /in review/i,
  CHANGES_REQUESTED: /changes requested/i,
  APPROVED: /approved/i,
};

class Review implements Command {
  constructor(
    readonly claim: number,
    readonly reviewer: UserKey,
    readonly decision: 'approve' | 'request_changes',
    readonly stale: boolean,
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const claimVersion = this.stale ? staleVersion(c) : c.now.version;
      const body = {
        decision: this.decision,
        claimVersion,
        ...(this.decision === 'request_changes' ? { comment: 'Check the figures again.' } : {}),
      };
      const result = await outcome(
        await w.api[this.reviewer].post(`/api/v1/claims/${c.id}/reviews`, { data: body }),
        `${this.toString()} with version ${claimVersion}`,
      );
      const isStale = claimVersion !== c.now.version;
      const isWrongState = c.now.status !== 'IN_REVIEW';
      const isAuthor = c.authors.has(this.reviewer);
      const what = `${this.toString()}: version ${claimVersion} (current ${c.now.version}), status ${c.now.status}, authors ${[...c.authors].join(',')}`;
      if (isStale || isWrongState || isAuthor) {
        expectRefusal(result, [...(isStale || isWrongState ? [409] : []), ...(isAuthor ? [403] : [])], what);
        // With one reason only, the answer must give it.
        if (result.status === 409 && isStale && !isWrongState)
          violation(
            /changed since you opened it/i.test(result.text),
            () => `${what}: the 409 does not say the claim changed since it was opened`,
          );
        if (result.status === 409 && isWrongState && !isStale)
          violation(
            STATE_WORDS[c.now.status]?.test(result.text) ?? false,
            () => `${what}: the 409 does not name the state`,
          );
        return { expectations: new Map() };
      }
      expectStatus(result, c.resenders.has(this.reviewer) ? [201, 403] : [201], what);
      if (result.status !== 201) return { expectations: new Map() };
      violation(
        (JSON.parse(result.text) as { claimVersion: number }).claimVersion === claimVersion,
        () => `${what}: the review does not name version ${claimVersion}`,
      );
      const approve = this.decision === 'approve';
      return {
        expectations: new Map([
          [c.index, { content: c.now.content, statuses: [approve ? 'APPROVED' : 'CHANGES_REQUESTED'], version: 'any' }],
        ]),
        after: () => (approve ? recordApproval(m, c, this.reviewer, claimVersion) : undefined),
      };
    });
  }
  toString = () => `${this.decision}(claim ${this.claim % 3}, ${this.reviewer}${this.stale ? ', stale version' : ''})`;
}

/** An approval and a save of the same version sent at the same moment: one of them must lose. */
class ApproveWhileSaving implements Command {
  constructor(
    readonly claim: number,
    readonly reviewer: UserKey,
    readonly editor: UserKey,
    readonly k: number,
  ) {}
  check = (m: Readonly<Model>) => {
    const c = m.claims[this.claim % m.claims.length];
    return (
      !!c &&
      c.now.status === 'IN_REVIEW' &&
      this.reviewer !== this.editor &&
      !c.authors.has(this.reviewer) &&
      !c.resenders.has(this.reviewer)
    );
  };
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const version = c.now.version;
      const verdict = `Concurrent verdict ${m.step}`;
      const [approval, save] = await Promise.all([
        w.api[this.reviewer].post(`/api/v1/claims/${c.id}/reviews`, {
          data: { decision: 'approve', claimVersion: version },
        }),
        w.api[this.editor].patch(`/api/v1/claims/${c.id}`, { data: { baseVersion: version, shortVerdict: verdict } }),
      ]);
      const a = await outcome(approval, `${this.toString()}: approval`);
      const s = await outcome(save, `${this.toString()}: save`);
      const pair = `${a.status}/${s.status}`;
      violation(
        ['201/200', '201/409', '409/200'].includes(pair),
        () =>
          `${this.toString()}: approval ${a.status} and save ${s.status} (${a.text.slice(0, 200)} | ${s.text.slice(0, 200)})`,
      );
      const saved = { ...c.now.content, shortVerdict: verdict };
      const expectation: ClaimExpectation =
        s.status === 200
          ? { content: saved, statuses: ['DRAFT'], version: 'bumped' }
          : { content: c.now.content, statuses: ['APPROVED'], version: 'any' };
      return {
        expectations: new Map([[c.index, expectation]]),
        after: () => {
          if (a.status === 201) recordApproval(m, c, this.reviewer, version);
          if (s.status === 200) c.authors.add(this.editor);
        },
      };
    });
  }
  toString = () => `approve-while-saving(claim ${this.claim % 3}, ${this.reviewer} approves, ${this.editor} saves)`;
}

const sharedWith = (m: Model, c: ClaimModel, sourceId: string) =>
  m.claims.filter((o) => o !== c && o.now.sourceIds.includes(sourceId));

class AddSource implements Command {
  constructor(
    readonly claim: number,
    readonly editor: UserKey,
    readonly fromLibrary: boolean,
    readonly pick: number,
  ) {}
  check = (m: Readonly<Model>) => !this.fromLibrary || this.candidates(m as Model).length > 0;
  private candidates(m: Model) {
    const c = claimAt(m, this.claim);
    return m.claims
      .flatMap((o) => o.now.sourceIds.map((id, i) => ({ id, content: o.now.content.sources[i] })))
      .filter((s) => !c.now.sourceIds.includes(s.id));
  }
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const known = this.candidates(m)[this.pick % Math.max(1, this.candidates(m).length)];
      const fresh = sourceFor(`${w.articleId}-${m.step}`, this.pick);
      const body = this.fromLibrary && known ? { sourceId: known.id, excerpt: `Cited again at step ${m.step}` } : fresh;
      const result = await outcome(
        await w.api[this.editor].post(`/api/v1/claims/${c.id}/sources`, { data: body }),
        this.toString(),
      );
      expectStatus(result, [201], this.toString());
      const added =
        this.fromLibrary && known?.content
          ? { ...known.content, excerpt: `Cited again at step ${m.step}` }
          : {
              url: fresh.url,
              title: fresh.title,
              publisher: fresh.publisher,
              publishedAt: fresh.publishedAt,
              archivedUrl: null,
              kind: fresh.kind,
              excerpt: fresh.excerpt,
            };
      const content = { ...c.now.content, sources: [...c.now.content.sources, added] };
      return {
        expectations: new Map([[c.index, changeExpectation(c, content)]]),
        after: () => c.authors.add(this.editor),
      };
    });
  }
  toString = () =>
    `add-source(claim ${this.claim % 3}, ${this.editor}, ${this.fromLibrary ? `from the library #${this.pick}` : 'new'})`;
}

const SOURCE_FIELDS = ['title', 'publisher', 'publishedAt', 'archivedUrl', 'excerpt', 'kind'] as const;
type SourceField = (typeof SOURCE_FIELDS)[number];

class EditSource implements Command {
  constructor(
    readonly claim: number,
    readonly editor: UserKey,
    readonly pick: number,
    readonly field: SourceField,
    readonly k: number,
    readonly same: boolean,
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const p = this.pick % c.now.sourceIds.length;
      const sourceId = c.now.sourceIds[p] ?? '';
      const current = c.now.content.sources[p];
      if (!current) throw new Error('no source');
      const value = this.same
        ? current[this.field]
        : {
            title: `Retitled ${this.k}`,
            publisher: `Publisher ${this.k}`,
            publishedAt: `2023-1${this.k % 3}-0${this.k + 1}`,
            archivedUrl: `https://archive.example.org/${this.k}`,
            excerpt: `Excerpt ${this.k}`,
            kind: (['primary', 'news', 'expert', 'other'] as const)[this.k % 4],
          }[this.field];
      const shared = sharedWith(m, c, sourceId);
      const result = await outcome(
        await w.api[this.editor].patch(`/api/v1/claims/${c.id}/sources/${sourceId}`, { data: { [this.field]: value } }),
        this.toString(),
      );
      expectStatus(result, [200], this.toString());
      const sources = c.now.content.sources.map((s, i) => (i === p ? { ...s, [this.field]: value } : s));
      const e = changeExpectation(c, { ...c.now.content, sources });
      if (e.version === 'bumped' && shared.length > 0 && this.field !== 'excerpt') {
        const ids = (JSON.parse(result.text) as { sources: { id: string; position: number }[] }).sources
          .sort((a, b) => a.position - b.position)
          .map((s) => s.id);
        violation(
          ids[p] !== sourceId,
          () =>
            `${this.toString()}: the source cited by claims ${shared.map((o) => o.index).join(',')} too was edited in place (same id)`,
        );
      }
      return { expectations: new Map([[c.index, e]]), after: () => wrote(c, this.editor, e.version === 'bumped') };
    });
  }
  toString = () =>
    `edit-source(claim ${this.claim % 3}, ${this.editor}, source #${this.pick}, ${this.field}, ${this.same ? 'same value' : this.k})`;
}

class RemoveSource implements Command {
  constructor(
    readonly claim: number,
    readonly editor: UserKey,
    readonly pick: number,
  ) {}
  check = (m: Readonly<Model>) => (m.claims[this.claim % m.claims.length]?.now.sourceIds.length ?? 0) >= 2;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const p = this.pick % c.now.sourceIds.length;
      const result = await outcome(
        await w.api[this.editor].delete(`/api/v1/claims/${c.id}/sources/${c.now.sourceIds[p]}`),
        this.toString(),
      );
      expectStatus(result, [204], this.toString());
      const content = { ...c.now.content, sources: c.now.content.sources.filter((_, i) => i !== p) };
      return {
        expectations: new Map([[c.index, changeExpectation(c, content)]]),
        after: () => c.authors.add(this.editor),
      };
    });
  }
  toString = () => `remove-source(claim ${this.claim % 3}, ${this.editor}, source #${this.pick})`;
}

class ReorderSource implements Command {
  constructor(
    readonly claim: number,
    readonly editor: UserKey,
    readonly pick: number,
    readonly position: number,
  ) {}
  check = (m: Readonly<Model>) => (m.claims[this.claim % m.claims.length]?.now.sourceIds.length ?? 0) >= 2;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const p = this.pick % c.now.sourceIds.length;
      const result = await outcome(
        await w.api[this.editor].patch(`/api/v1/claims/${c.id}/sources/${c.now.sourceIds[p]}`, {
          data: { position: this.position },
        }),
        this.toString(),
      );
      expectStatus(result, [200], this.toString());
      const sources = [...c.now.content.sources];
      const [moved] = sources.splice(p, 1);
      if (moved) sources.splice(Math.min(this.position, sources.length), 0, moved);
      const e = changeExpectation(c, { ...c.now.content, sources });
      return { expectations: new Map([[c.index, e]]), after: () => wrote(c, this.editor, e.version === 'bumped') };
    });
  }
  toString = () => `move-source(claim ${this.claim % 3}, ${this.editor}, source #${this.pick} to ${this.position})`;
}

interface DocNode {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: { id?: string } }[];
  content?: DocNode[];
}
const textNodes = (n: DocNode): DocNode[] => (n.type === 'text' ? [n] : (n.content ?? []).flatMap(textNodes));

/** The article's text edited: a claim's words, words outside every claim, or the same text sent again. */
class EditArticle implements Command {
  constructor(
    readonly editor: UserKey,
    readonly mode: 'claim-words' | 'outside' | 'same',
    readonly claim: number,
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const c = claimAt(m, this.claim);
    await step(m, w, this.toString(), async () => {
      const article = JSON.parse(
        (await outcome(await w.api[this.editor].get(`/api/v1/articles/${w.articleId}`), 'read article')).text,
      ) as { version: number; content: DocNode };
      const nodes = textNodes(article.content);
      const addition = ` w${m.step}`;
      if (this.mode === 'claim-words') {
        const node = nodes.filter((n) => n.marks?.some((mk) => mk.type === 'claim' && mk.attrs?.id === c.id)).at(-1);
        if (node) node.text = `${node.text ?? ''}${addition}`;
      } else if (this.mode === 'outside') {
        const node = nodes.find((n) => !n.marks?.some((mk) => mk.type === 'claim'));
        if (node) node.text = `Opening words, edited at step ${m.step}. `;
      }
      const result = await outcome(
        await w.api[this.editor].patch(`/api/v1/articles/${w.articleId}`, {
          data: { baseVersion: article.version, content: article.content },
        }),
        this.toString(),
      );
      expectStatus(result, [200], this.toString());
      if (this.mode !== 'claim-words') return { expectations: new Map(), untouchedVersion: 'any' };
      const content = { ...c.now.content, exact: `${c.now.content.exact}${addition}` };
      return {
        expectations: new Map([[c.index, changeExpectation(c, content)]]),
        untouchedVersion: 'any',
        after: () => c.authors.add(this.editor),
      };
    });
  }
  toString = () =>
    `edit-article(${this.editor}, ${this.mode === 'claim-words' ? `words of claim ${this.claim % 3}` : this.mode})`;
}

class Publish implements Command {
  constructor(readonly editor: UserKey) {}
  check = () => true;
  async run(m: Model, w: World) {
    await step(m, w, this.toString(), async () => {
      const approved = m.claims.filter((c) => c.now.status === 'APPROVED' && c.now.content.rating);
      const number = m.published.length + 1;
      const body = number > 1 ? { correctionNote: `Correction ${number}: updated verdicts.` } : {};
      const result = await outcome(
        await w.api[this.editor].post(`/api/v1/articles/${w.articleId}/publications`, { data: body }),
        this.toString(),
      );
      if (approved.length === 0) {
        expectRefusal(result, [422], `${this.toString()} with no approved claim`);
        return { expectations: new Map() };
      }
      if (result.status !== 201) {
        // Refusing is allowed only when an approved claim no longer reads as it was approved.
        const drifted = approved.some(
          (c) => JSON.stringify(c.approvals.at(-1)?.content) !== JSON.stringify(c.now.content),
        );
        violation(
          drifted && result.status < 500 && result.status >= 400,
          () =>
            `${this.toString()}: refused (${result.status} ${result.text.slice(0, 300)}) with approved claims ${approved.map((c) => c.index).join(',')}`,
        );
        return { expectations: new Map() };
      }
      const publication = JSON.parse(result.text) as { id: string; number: number; url: string };
      violation(
        publication.number === number,
        () => `${this.toString()}: published version ${publication.number}, expected ${number}`,
      );
      m.published.push({
        id: publication.id,
        number,
        step: m.step,
        claimIds: approved.map((c) => c.id),
        captured: null,
      });
      return { expectations: new Map() };
    });
  }
  toString = () => `publish(${this.editor})`;
}

const claimIndex = fc.nat({ max: 2 });
const editor = fc.constantFrom(...editorKeys);
const reviewer = fc.constantFrom(...reviewerKeys);
const k = fc.nat({ max: 3 });

/** Every command, weighted towards the ones that move claims to approval and publication. */
export const verdictCommands = [
  fc
    .tuple(claimIndex, editor, fc.constantFrom(...FIELDS), k, fc.boolean())
    .map(([c, e, f, v, same]) => new EditField(c, e, f, v, same)),
  fc.tuple(claimIndex, editor, fc.constantFrom(...FIELDS), k).map(([c, e, f, v]) => new EditField(c, e, f, v, true)),
  fc.tuple(claimIndex, editor).map(([c, e]) => new Submit(c, e)),
  fc.tuple(claimIndex, editor).map(([c, e]) => new Submit(c, e)),
  fc.tuple(claimIndex, reviewer).map(([c, r]) => new Review(c, r, 'approve', false)),
  fc.tuple(claimIndex, reviewer).map(([c, r]) => new Review(c, r, 'approve', false)),
  fc
    .tuple(claimIndex, reviewer, fc.constantFrom('approve' as const, 'request_changes' as const), fc.boolean())
    .map(([c, r, d, stale]) => new Review(c, r, d, stale)),
  fc.tuple(claimIndex, reviewer, editor, k).map(([c, r, e, v]) => new ApproveWhileSaving(c, r, e, v)),
  fc.tuple(claimIndex, editor, fc.boolean(), fc.nat({ max: 5 })).map(([c, e, lib, p]) => new AddSource(c, e, lib, p)),
  fc
    .tuple(claimIndex, editor, fc.nat({ max: 3 }), fc.constantFrom(...SOURCE_FIELDS), k, fc.boolean())
    .map(([c, e, p, f, v, same]) => new EditSource(c, e, p, f, v, same)),
  fc.tuple(claimIndex, editor, fc.nat({ max: 3 })).map(([c, e, p]) => new RemoveSource(c, e, p)),
  fc
    .tuple(claimIndex, editor, fc.nat({ max: 3 }), fc.nat({ max: 3 }))
    .map(([c, e, p, q]) => new ReorderSource(c, e, p, q)),
  fc
    .tuple(editor, fc.constantFrom('claim-words' as const, 'outside' as const, 'same' as const), claimIndex)
    .map(([e, mode, c]) => new EditArticle(e, mode, c)),
  editor.map((e) => new Publish(e)),
  editor.map((e) => new Publish(e)),
];
