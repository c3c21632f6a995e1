import { sourceFor, expectStatus, outcome, violation } from './verdict-model';
import type { ClaimModel, Model, UserKey, World } from './verdict-model';
import { changeExpectation, claimAt, step, wrote, type Command } from './verdict-steps';

// The verdict model's commands on a claim's sources.

const sharedWith = (m: Model, c: ClaimModel, sourceId: string) =>
  m.claims.filter((o) => o !== c && o.now.sourceIds.includes(sourceId));

export class AddSource implements Command {
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

export const SOURCE_FIELDS = ['title', 'publisher', 'publishedAt', 'archivedUrl', 'excerpt', 'kind'] as const;
type SourceField = (typeof SOURCE_FIELDS)[number];

export class EditSource implements Command {
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

export class RemoveSource implements Command {
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

export class ReorderSource implements Command {
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
