import { describe, expect, it } from 'vitest';
import { sampleClaim, sampleSnapshot } from './fixtures/sample-snapshot';
import { renderDiffPage, renderTextDiff, verdictChanges } from './render-versions';

describe('renderTextDiff', () => {
  it('marks removed and added words in words, not colour alone', () => {
    const html = renderTextDiff('Unemployment fell to 3% last year.', 'Unemployment fell to 4% last year.');
    expect(html).toContain('<del><span class="visually-hidden">[removed: </span><bdi>3</bdi>');
    expect(html).toContain('<ins><span class="visually-hidden">[added: </span><bdi>4</bdi>');
  });

  it('shortens long unchanged text around the changes and says when nothing changed', () => {
    const long = 'word '.repeat(200);
    const html = renderTextDiff(`${long}old ${long}`, `${long}new ${long}`);
    expect(html.length).toBeLessThan(long.length);
    expect(html).toContain('[…]');
    expect(renderTextDiff('same', 'same')).toContain('did not change');
  });

  it('escapes the text', () => {
    expect(renderTextDiff('a', '<img src=x onerror=alert(1)>')).not.toContain('<img');
  });
});

describe('verdictChanges', () => {
  it('lists changed, added and withdrawn verdicts and nothing else', () => {
    const before = sampleSnapshot();
    const after = sampleSnapshot({
      number: 2,
      claims: [
        sampleClaim({ rating: { label: 'Misleading', colour: '#9a6700', value: 2, description: '' } }),
        sampleClaim({ id: 'claim-c', exact: 'new words' }),
      ],
    });
    const changes = verdictChanges(before, after).map((c) => [
      c.claim.id,
      c.before?.rating.label ?? null,
      c.after?.rating.label ?? null,
    ]);
    expect(changes).toEqual([
      ['claim-a', 'False', 'Misleading'],
      ['claim-c', null, 'False'],
      ['claim-b', 'True', null],
    ]);
    expect(verdictChanges(before, sampleSnapshot({ number: 2 }))).toEqual([]);
  });

  it('the diff page shows the correction note and both versions side by side', () => {
    const html = renderDiffPage(
      sampleSnapshot(),
      sampleSnapshot({
        number: 2,
        correctionNote: 'We fixed the rate.',
        claims: [sampleClaim({ shortVerdict: 'Now 4.2%.' })],
      }),
      2,
      'Check Desk',
    );
    expect(html).toContain('We fixed the rate.');
    expect(html).toContain('<th scope="col">Version 1</th><th scope="col">Version 2</th>');
    expect(html).toContain('Now 4.2%.');
    expect(html).toContain('Withdrawn');
  });
});
