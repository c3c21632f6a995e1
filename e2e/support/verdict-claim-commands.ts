import { REVIEWED, expectRefusal, expectStatus, outcome, violation } from './verdict-model';
import type { ClaimExpectation, ClaimModel, Model, UserKey, World } from './verdict-model';
import type { ClaimContent } from './public-verdicts';
import { changeExpectation, claimAt, step, wrote, type Command } from './verdict-steps';

// The verdict model's commands on a claim's fields, its submission and its review.

export const FIELDS = [
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

export class EditField implements Command {
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

export class Submit implements Command {
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

export class Review implements Command {
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
export class ApproveWhileSaving implements Command {
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
