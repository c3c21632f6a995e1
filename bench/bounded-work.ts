// npm run bench:bounded — the slowest inputs within the documented limits for quote matching, version
// diffs and HTML import, timed in this process: how long one call holds the event loop (wall clock, the best of 3 runs) and
// the CPU time it used (which a busy machine inflates less).
import { findQuote, MAX_CANDIDATES } from '@/lib/anchoring/quote';
import { htmlToDocument } from '@/lib/importing/html-to-document';
import { renderTextDiff } from '@/lib/publishing/render-versions';
import { diffText } from '@/lib/publishing/text-diff';
import { MAX_ARTICLE_CHARS } from '@/lib/validation/articles';

const MAX_QUOTE = 5000;
const MAX_CONTEXT = 500;

function time(what: string, run: () => unknown): void {
  let best = Infinity;
  let cpu = Infinity;
  let result: unknown;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(c);
    best = Math.min(best, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  console.log(
    `${what.padEnd(72)} ${best.toFixed(1).padStart(7)} ms wall ${cpu.toFixed(1).padStart(7)} ms CPU  ${JSON.stringify(result).slice(0, 50)}`,
  );
}

const fill = (unit: string, chars = MAX_ARTICLE_CHARS) => unit.repeat(Math.floor(chars / unit.length));
const context = (seed: string) => seed.repeat(Math.ceil(MAX_CONTEXT / seed.length)).slice(0, MAX_CONTEXT);

console.log('Quote matching (2 MB article, 500-character prefix and suffix)');
const cats = fill('the cat sat. ');
time('short exact in every sentence, context nowhere verbatim', () =>
  findQuote(cats, { exact: 'cat', prefix: context('dog ran. '), suffix: context(' dog ran.') }),
);
time('one character everywhere ("a" × 2 MB), context of "a"', () =>
  findQuote(fill('a'), { exact: 'a', prefix: context('a'), suffix: context('a') }),
);
time('5,000-character "a…ab…a" in "a" × 2 MB (String#indexOf: seconds)', () =>
  findQuote(fill('a'), {
    exact: `${'a'.repeat(MAX_QUOTE / 2)}b${'a'.repeat(MAX_QUOTE / 2 - 1)}`,
    prefix: context('a'),
  }),
);
// The most occurrences that are still compared one by one, each with a context that differs.
const numbered = Array.from({ length: MAX_CANDIDATES }, (_, i) => `claim ${String(i).padStart(6, '0')} is here. `).join(
  '',
);
const target = Math.floor(MAX_CANDIDATES / 2);
const around = numbered.indexOf(`claim ${String(target).padStart(6, '0')}`);
time(`${MAX_CANDIDATES.toLocaleString('en')} occurrences compared by context (the most compared)`, () =>
  findQuote(numbered, {
    exact: 'claim',
    prefix: numbered.slice(Math.max(0, around - MAX_CONTEXT), around),
    suffix: numbered.slice(around + 5, around + 5 + MAX_CONTEXT),
  }),
);
const few = fill('The minister said the port created jobs. ', 120 * 41);
time('120 occurrences, 500-character context (the reported 6.7 s case)', () =>
  findQuote(few, { exact: 'port', prefix: context('x'), suffix: context('y') }),
);

/** `count` words of prose in paragraphs of 40, different for each seed. */
function prose(count: number, seed: number): string {
  const words = [
    'the',
    'port',
    'created',
    'jobs',
    'minister',
    'said',
    'records',
    'show',
    'harbour',
    'new',
    'rate',
    'fell',
    'to',
    'of',
    'in',
    'and',
  ];
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(`${words[(s >>> 16) % words.length] ?? ''}${i % 40 === 39 ? '.\n' : ' '}`);
  }
  return out.join('').trimEnd();
}

console.log('\nDiff between two versions (diffText, then the HTML of the text part)');
const summary = (d: ReturnType<typeof diffText>) => ({ parts: d.parts.length, isCoarse: d.isCoarse });
for (const words of [2500, 8000]) {
  const [before, after] = [prose(words, 1), prose(words, 2)];
  time(`${words.toLocaleString('en')}-word rewrite (the diff package: 5 s and 30 s)`, () =>
    summary(diffText(before, after)),
  );
}
const big = prose(Math.ceil(MAX_ARTICLE_CHARS / 5), 3).slice(0, MAX_ARTICLE_CHARS);
const bigRewrite = prose(Math.ceil(MAX_ARTICLE_CHARS / 5), 4).slice(0, MAX_ARTICLE_CHARS);
time('2 MB rewritten completely', () => summary(diffText(big, bigRewrite)));
time('2 MB, a line per character on both sides', () =>
  summary(diffText('a\n'.repeat(MAX_ARTICLE_CHARS / 2), 'b\n'.repeat(MAX_ARTICLE_CHARS / 2))),
);
const edited = big
  .split('\n')
  .map((p, i) => (i % 10 === 0 ? p.replace('port', 'airport') : i % 10 === 5 ? prose(40, i) : p))
  .join('\n');
time('2 MB, one word changed in every 10th paragraph and every 10th rewritten', () => summary(diffText(big, edited)));
time('the same, rendered as HTML', () => renderTextDiff(big, edited).length);
time('2 MB rewritten completely, rendered as HTML', () => renderTextDiff(big, bigRewrite).length);

// jsdom's fragment parsing was O(n²) in sibling count: 20,000 <div>s took 21.9 s of CPU, now 5.6 s (parse-fragment.ts).
console.log('\nHTML import (htmlToDocument, as the import worker runs it)');
for (const siblings of [1000, 5000, 20_000]) {
  const html = '<div>x</div>'.repeat(siblings);
  time(`${siblings.toLocaleString('en')} sibling <div>s`, () => htmlToDocument(html).content?.length);
}
