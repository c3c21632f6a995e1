const UUID = /^[0-9a-f-]{36}$/i;
const HEX = /^#[0-9a-f]{6}$/i;

/** A rating colour (#rrggbb) as a highlight fill, mixed into the page's background so the words stay legible. */
export const approvedFill = (colour: string): string => `color-mix(in srgb, ${colour} 30%, var(--bg))`;

/** The colour if it is one (#rrggbb), else null: a rating's colour goes into CSS only in this shape. */
export const ratingColour = (colour: string | null | undefined): string | null =>
  colour && HEX.test(colour) ? colour : null;

const background: Record<string, string> = {
  NO_VERDICT: 'var(--claim)',
  DRAFT: 'var(--claim-draft)',
  IN_REVIEW: 'var(--claim-review)',
  CHANGES_REQUESTED: 'var(--claim-changes)',
  APPROVED: 'var(--claim-approved)',
};
const underline: Record<string, string> = {
  NO_VERDICT: 'dotted',
  DRAFT: 'dashed',
  IN_REVIEW: 'double',
  // A border cannot be wavy (it would fall back to dotted, as "no verdict"): see wavyUnderline.
  CHANGES_REQUESTED: 'solid',
  APPROVED: 'solid',
};

/**
 * Per-claim highlight rules: state as background and underline style (not colour alone), rating as underline
 * colour; an approved claim takes its rating's colour, mixed into the page's background so the words stay legible.
 */
export function highlightStyles(
  claims: { id: string; state: string; colour: string | null }[],
  activeId: string | null,
): string {
  return claims
    .filter((c) => UUID.test(c.id))
    .map((c) => {
      const colour = ratingColour(c.colour) ?? 'currentColor';
      const active = c.id === activeId ? 'outline:2px solid var(--focus);' : '';
      const fill =
        c.state === 'APPROVED' && colour !== 'currentColor'
          ? approvedFill(colour)
          : (background[c.state] ?? 'var(--claim)');
      const line =
        c.state === 'CHANGES_REQUESTED'
          ? `border-bottom:3px solid transparent;text-decoration:underline wavy ${colour};text-decoration-thickness:2px;text-decoration-skip-ink:none;`
          : `border-bottom:3px ${underline[c.state] ?? 'dotted'} ${colour};`;
      return `.editor-content mark[data-claim-id="${c.id}"]{background:${fill};${line}${active}}`;
    })
    .join('\n');
}
