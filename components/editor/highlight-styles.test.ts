import { describe, expect, it } from 'vitest';
import { highlightStyles } from './highlight-styles';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const ruleFor = (css: string, claimId: string) =>
  css.split('\n').find((rule) => rule.startsWith(`.editor-content mark[data-claim-id="${claimId}"]`)) ?? '';

describe('highlight styles', () => {
  it("gives an approved claim its rating's colour, and every state its own underline beside its fill", () => {
    const css = highlightStyles(
      [
        { id: id(1), state: 'APPROVED', colour: '#b3261e' },
        { id: id(2), state: 'DRAFT', colour: '#1a7f37' },
        { id: id(3), state: 'IN_REVIEW', colour: null },
        { id: id(4), state: 'CHANGES_REQUESTED', colour: '#9a6700' },
        { id: id(5), state: 'NO_VERDICT', colour: null },
      ],
      null,
    );
    expect(ruleFor(css, id(1))).toContain('background:color-mix(in srgb, #b3261e 30%, var(--bg))');
    expect(ruleFor(css, id(1))).toContain('border-bottom:3px solid #b3261e');
    // Before approval the fill is the state's; the rating shows only in the underline.
    expect(ruleFor(css, id(2))).toContain('background:var(--claim-draft)');
    expect(ruleFor(css, id(2))).toContain('border-bottom:3px dashed #1a7f37');
    expect(ruleFor(css, id(3))).toContain('border-bottom:3px double currentColor');
    expect(ruleFor(css, id(4))).toContain('text-decoration:underline wavy #9a6700');
    expect(ruleFor(css, id(5))).toContain('border-bottom:3px dotted currentColor');
    for (let n = 1; n <= 5; n++) expect(ruleFor(css, id(n))).not.toContain('outline');
  });

  it('outlines the open claim only', () => {
    const css = highlightStyles(
      [
        { id: id(1), state: 'DRAFT', colour: null },
        { id: id(2), state: 'DRAFT', colour: null },
      ],
      id(2),
    );
    expect(ruleFor(css, id(1))).not.toContain('outline');
    expect(ruleFor(css, id(2))).toContain('outline:2px solid var(--focus)');
  });

  it('writes nothing for an id or colour that could break out of its rule', () => {
    const css = highlightStyles(
      [
        { id: 'x"]{}body{display:none}', state: 'DRAFT', colour: null },
        { id: id(1), state: 'APPROVED', colour: 'red;}body{display:none' },
      ],
      null,
    );
    expect(css).not.toContain('display:none');
    // An approved claim whose colour is not #rrggbb keeps the approved fill.
    expect(ruleFor(css, id(1))).toContain('background:var(--claim-approved)');
    expect(css.split('\n')).toHaveLength(1);
  });
});
