import fc from 'fast-check';
import { editorKeys, expectRefusal, expectStatus, outcome, reviewerKeys, violation } from './verdict-model';
import type { Model, UserKey, World } from './verdict-model';
import { ApproveWhileSaving, EditField, FIELDS, Review, Submit } from './verdict-claim-commands';
import { AddSource, EditSource, RemoveSource, ReorderSource, SOURCE_FIELDS } from './verdict-source-commands';
import { changeExpectation, claimAt, step, type Command } from './verdict-steps';

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
