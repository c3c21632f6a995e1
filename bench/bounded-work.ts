// npm run bench:bounded — the slowest inputs within the documented limits for quote matching and version
// diffs, timed in this process: how long one call holds the event loop (wall clock, the best of 3 runs) and
// the CPU time it used (which a busy machine inflates less).
import { findQuote, MAX_CANDIDATES } from '../lib/anchoring/quote';
import { MAX_ARTICLE_CHARS } from '../lib/validation/articles';

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
  console.log(`${what.padEnd(72)} ${best.toFixed(1).padStart(7)} ms wall ${cpu.toFixed(1).padStart(7)} ms CPU  ${JSON.stringify(result).slice(0, 50)}`);
}

const fill = (unit: string, chars = MAX_ARTICLE_CHARS) => unit.repeat(Math.floor(chars / unit.length));
const context = (seed: string) => seed.repeat(Math.ceil(MAX_CONTEXT / seed.length)).slice(0, MAX_CONTEXT);

console.log('Quote matching (2 MB article, 500-character prefix and suffix)');
const cats = fill('the cat sat. ');
time('short exact in every sentence, context nowhere verbatim', () => findQuote(cats, { exact: 'cat', prefix: context('dog ran. '), suffix: context(' dog ran.') }));
time('one character everywhere ("a" × 2 MB), context of "a"', () => findQuote(fill('a'), { exact: 'a', prefix: context('a'), suffix: context('a') }));
time('5,000-character "a…ab…a" in "a" × 2 MB (String#indexOf: seconds)', () =>
  findQuote(fill('a'), { exact: `${'a'.repeat(MAX_QUOTE / 2)}b${'a'.repeat(MAX_QUOTE / 2 - 1)}`, prefix: context('a') }),
);
// The most occurrences that are still compared one by one, each with a context that differs.
const numbered = Array.from({ length: MAX_CANDIDATES }, (_, i) => `claim ${String(i).padStart(6, '0')} is here. `).join('');
const target = Math.floor(MAX_CANDIDATES / 2);
const around = numbered.indexOf(`claim ${String(target).padStart(6, '0')}`);
time(`${MAX_CANDIDATES.toLocaleString('en')} occurrences compared by context (the most compared)`, () =>
  findQuote(numbered, { exact: 'claim', prefix: numbered.slice(Math.max(0, around - MAX_CONTEXT), around), suffix: numbered.slice(around + 5, around + 5 + MAX_CONTEXT) }),
);
const few = fill('The minister said the port created jobs. ', 120 * 41);
time('120 occurrences, 500-character context (the reported 6.7 s case)', () => findQuote(few, { exact: 'port', prefix: context('x'), suffix: context('y') }));
