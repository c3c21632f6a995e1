import { describe, expect, it } from 'vitest';
import { sampleClaim } from './fixtures/sample-snapshot';
import { renderDocument } from './render-document';

const p = (...content: object[]) => ({ type: 'paragraph', content });
const text = (t: string, claim?: string) => ({ type: 'text', text: t, ...(claim ? { marks: [{ type: 'claim', attrs: { id: claim } }] } : {}) });
const cell = (type: 'tableHeader' | 'tableCell', content: object, attrs: Record<string, unknown> = {}) => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs }, content: [content] });

describe('renderDocument', () => {
  it('renders a table with column and row headers, spans, and a claim highlighted in its cell', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', p(text('Department'))), cell('tableHeader', p(text('FY2026')))] },
            { type: 'tableRow', content: [cell('tableHeader', p(text('Health'))), cell('tableCell', p(text('spending doubles', 'claim-a')), { colspan: 2, rowspan: '3"><script>' })] },
          ],
        },
      ],
    };
    const claim = sampleClaim({ id: 'claim-a' });
    const html = renderDocument(doc, { claims: new Map([[claim.id, claim]]), afterClaim: () => '<button>False</button>' });
    expect(html).toBe(
      '<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>' +
        '<tr><th scope="col"><p>Department</p></th><th scope="col"><p>FY2026</p></th></tr>' +
        '<tr><th scope="row"><p>Health</p></th><td colspan="2"><p><mark class="claim" data-claim-id="claim-a">spending doubles</mark><button>False</button></p></td></tr>' +
        '</table></div>',
    );
  });
});
