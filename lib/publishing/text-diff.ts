/** A run of text kept, removed from the old version or added in the new one. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

interface TextDiff {
  parts: DiffPart[];
  /** Some changed paragraphs are shown whole (removed, then added) instead of word by word. */
  isCoarse: boolean;
}

/** Work limits for one comparison; the defaults keep it to a few tens of milliseconds at 2 MB a side. */
interface DiffLimits {
  /** Steps of Myers' algorithm (diagonals tried plus words matched) over the whole comparison. */
  steps: number;
  /** Steps for one changed passage, so one rewrite cannot starve the others. */
  stepsPerPassage: number;
  /** Changed paragraphs compared as units; past this the whole changed middle is one replacement. */
  paragraphs: number;
  /** Characters of changed passages compared word by word. */
  wordChars: number;
}

export const DIFF_LIMITS: DiffLimits = {
  steps: 500_000,
  stepsPerPassage: 100_000,
  paragraphs: 20_000,
  wordChars: 200_000,
};

const enum Op {
  Equal,
  Removed,
  Added,
}
type Run = { op: Op; count: number };

function pushRun(runs: Run[], op: Op, count: number): void {
  if (count <= 0) return;
  const last = runs[runs.length - 1];
  if (last && last.op === op) last.count += count;
  else runs.push({ op, count });
}

/** Where diagonal `k` is entered after `d` edits, from row d - 1 (`row(j)`): down is an addition, right a removal. */
function entry(
  row: Int32Array,
  rowOffset: number,
  k: number,
  d: number,
  n: number,
  m: number,
): { x: number; from: number } {
  let x = -1;
  let from = k;
  if (k < d) {
    const down = row[rowOffset + k + 1] ?? -1;
    if (down >= 0 && down - k - 1 < m) [x, from] = [down, k + 1];
  }
  if (k > -d) {
    const right = row[rowOffset + k - 1] ?? -1;
    if (right >= 0 && right < n && right + 1 > x) [x, from] = [right + 1, k - 1];
  }
  return { x, from };
}

/**
 * Myers' O(ND) shortest edit script between two sequences of ids, or null once it has taken more than
 * `budget.steps` steps (diagonals tried plus items matched). The rows kept for the way back are bounded
 * by the same budget, so memory is too.
 */
function editScript(a: Int32Array, b: Int32Array, budget: { steps: number }): Run[] | null {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1).fill(-1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= n + m; d++) {
    budget.steps -= d + 1;
    if (budget.steps < 0) return null;
    for (let k = -d; k <= d; k += 2) {
      let x = 0;
      if (d > 0) {
        x = -1;
        if (k < d) {
          const down = v[offset + k + 1] ?? -1;
          if (down >= 0 && down - k - 1 < m) x = down;
        }
        if (k > -d) {
          const right = v[offset + k - 1] ?? -1;
          if (right >= 0 && right < n && right + 1 > x) x = right + 1;
        }
      }
      if (x < 0) {
        v[offset + k] = -1;
        continue;
      }
      let y = x - k;
      const start = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      budget.steps -= x - start;
      v[offset + k] = x;
      if (x === n && y === m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): Run[] {
  const reversed: Run[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const k = x - y;
    const { x: startX, from } = entry(trace[d - 1] ?? new Int32Array(0), d - 1, k, d, n, m);
    pushRun(reversed, Op.Equal, x - startX);
    pushRun(reversed, from === k + 1 ? Op.Added : Op.Removed, 1);
    x = from === k + 1 ? startX : startX - 1;
    y = x - from;
  }
  pushRun(reversed, Op.Equal, x);
  return reversed.reverse();
}

/**
 * Items that occur once on each side, in an order both sides agree on (patience diff's anchors, by a
 * longest increasing subsequence): linear-logarithmic, and they cut scattered edits into small gaps.
 */
function uniqueAnchors(a: Int32Array, b: Int32Array, ids: number): [number, number][] {
  const inA = new Int32Array(ids);
  const inB = new Int32Array(ids);
  const whereA = new Int32Array(ids);
  for (let i = 0; i < a.length; i++) {
    const id = a[i] ?? 0;
    inA[id] = (inA[id] ?? 0) + 1;
    whereA[id] = i;
  }
  for (const id of b) inB[id] = (inB[id] ?? 0) + 1;
  const pairs: [number, number][] = [];
  for (let j = 0; j < b.length; j++) {
    const id = b[j] ?? 0;
    if (inA[id] === 1 && inB[id] === 1) pairs.push([whereA[id] ?? 0, j]);
  }
  // Longest run of pairs increasing in the old position too (they already increase in the new one).
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const i = pairs[p]?.[0] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] ?? 0]?.[0] ?? 0) < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = tails[lo - 1] ?? -1;
    tails[lo] = p;
  }
  const chain: [number, number][] = [];
  for (let p = tails[tails.length - 1] ?? -1; p >= 0; p = previous[p] ?? -1) {
    const pair = pairs[p];
    if (pair) chain.push(pair);
  }
  return chain.reverse();
}

/**
 * The edit script between two id sequences: anchored on items unique to both sides, the gaps between
 * anchors by Myers within `budget`; a gap past the budget is shown as removed then added.
 */
function diffIds(
  a: Int32Array,
  b: Int32Array,
  ids: number,
  budget: { steps: number },
): { runs: Run[]; isCoarse: boolean } {
  const runs: Run[] = [];
  let isCoarse = false;
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...uniqueAnchors(a, b, ids), [a.length, b.length] as [number, number]]) {
    // Equal items at both ends of a gap cost nothing to keep.
    while (i < ai && j < bj && a[i] === b[j]) {
      pushRun(runs, Op.Equal, 1);
      i++;
      j++;
    }
    let endA = ai;
    let endB = bj;
    while (endA > i && endB > j && a[endA - 1] === b[endB - 1]) {
      endA--;
      endB--;
    }
    if (endA > i && endB > j) {
      const script = editScript(a.subarray(i, endA), b.subarray(j, endB), budget);
      if (script) for (const run of script) pushRun(runs, run.op, run.count);
      else {
        isCoarse = true;
        pushRun(runs, Op.Removed, endA - i);
        pushRun(runs, Op.Added, endB - j);
      }
    } else {
      pushRun(runs, Op.Removed, endA - i);
      pushRun(runs, Op.Added, endB - j);
    }
    pushRun(runs, Op.Equal, ai - endA + (ai < a.length ? 1 : 0));
    i = ai + 1;
    j = bj + 1;
  }
  return { runs, isCoarse };
}

/** Words with the space after them, runs of space, and single other characters: joined, they are the text. */
const WORD = /[\p{L}\p{M}\p{N}_]+\s*|\s+|[^\p{L}\p{M}\p{N}_\s]\s*/gu;

/** A text cut into pieces: `keys[i]` is `text.slice(bounds[i], bounds[i + 1])`. */
interface Pieces {
  keys: string[];
  bounds: number[];
}

/** Paragraphs with their line break, so that a last paragraph without one is another piece. */
function paragraphPieces(text: string): Pieces {
  const keys: string[] = [];
  const bounds = [0];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    keys.push(text.slice(start, nl + 1));
    start = nl + 1;
    bounds.push(start);
  }
  keys.push(text.slice(start));
  bounds.push(text.length);
  return { keys, bounds };
}

function wordPieces(text: string): Pieces {
  const keys = text.match(WORD) ?? [];
  const bounds = [0];
  for (const key of keys) bounds.push((bounds[bounds.length - 1] ?? 0) + key.length);
  return { keys, bounds };
}

/** Both sides as sequences of small integers, equal pieces sharing one. */
function toIds(before: Pieces, after: Pieces): { a: Int32Array; b: Int32Array; ids: number } {
  const ids = new Map<string, number>();
  const id = (piece: string) => ids.get(piece) ?? ids.set(piece, ids.size).size - 1;
  const a = Int32Array.from(before.keys, id);
  const b = Int32Array.from(after.keys, id);
  return { a, b, ids: ids.size };
}

function commonEnds(a: string, b: string): { head: number; tail: number } {
  const most = Math.min(a.length, b.length);
  let head = 0;
  while (head < most && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  // Whole paragraphs only, so that a changed paragraph is compared from its start.
  if (head > 0 && !(head === a.length && head === b.length)) head = a.lastIndexOf('\n', head - 1) + 1;
  let tail = 0;
  while (tail < most - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  if (tail < most - head) {
    const cut = a.indexOf('\n', a.length - tail);
    tail = cut === -1 ? 0 : a.length - cut - 1;
  }
  return { head, tail };
}

function countLines(text: string, limit: number): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1 && count <= limit; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

class PartList {
  readonly parts: DiffPart[] = [];

  add(value: string, op: Op): void {
    if (!value) return;
    const last = this.parts[this.parts.length - 1];
    const kind = op === Op.Added ? { added: true } : op === Op.Removed ? { removed: true } : {};
    if (last && !!last.added === (op === Op.Added) && !!last.removed === (op === Op.Removed)) last.value += value;
    else this.parts.push({ value, ...kind });
  }

  /** Adds the runs of an edit script between two cut texts, each run one slice of its text. */
  addRuns(runs: Run[], before: string, beforeCut: Pieces, after: string, afterCut: Pieces): void {
    let i = 0;
    let j = 0;
    const take = (text: string, cut: Pieces, from: number, count: number) =>
      text.slice(cut.bounds[from] ?? 0, cut.bounds[from + count] ?? text.length);
    for (const { op, count } of runs) {
      if (op !== Op.Removed) this.add(take(after, afterCut, j, count), op);
      else this.add(take(before, beforeCut, i, count), op);
      if (op !== Op.Added) i += count;
      if (op !== Op.Removed) j += count;
    }
  }
}

/** "fell to <del>3 </del><ins>4 </ins>percent" reads better as "fell to <del>3</del><ins>4</ins> percent". */
function spacesOutside(parts: DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (!part) continue;
    if (part.removed && next?.added) {
      const space = /\s*$/.exec(part.value)?.[0] ?? '';
      let common = 0;
      while (
        common < space.length &&
        next.value.endsWith(space.slice(space.length - common - 1)) &&
        common + 1 < next.value.length
      )
        common++;
      if (common > 0 && common < part.value.length) {
        const ws = space.slice(space.length - common);
        result.push(
          { value: part.value.slice(0, -common), removed: true },
          { value: next.value.slice(0, -common), added: true },
        );
        const after = parts[i + 2];
        if (after && !after.added && !after.removed) after.value = ws + after.value;
        else result.push({ value: ws });
        i++;
        continue;
      }
    }
    result.push(part);
  }
  return result;
}

/**
 * A word diff of two texts whose cost is bounded whatever they hold: unchanged paragraphs at both ends are
 * skipped, the rest is compared paragraph by paragraph, then each changed passage word by word (each
 * level anchored on pieces found once on both sides, the gaps by Myers' algorithm), all within `limits`. Past a limit a passage
 * (or the whole changed middle) is shown as removed then added: coarser, never wrong. Kept and added parts joined are the new text; kept and removed, the old one.
 */
export function diffText(before: string, after: string, limits: DiffLimits = DIFF_LIMITS): TextDiff {
  const out = new PartList();
  let isCoarse = false;
  const { head, tail } = commonEnds(before, after);
  out.add(after.slice(0, head), Op.Equal);
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const budget = { steps: limits.steps };
  let wordChars = limits.wordChars;
  const comparePassage = (removed: string, added: string) => {
    if (!removed || !added || removed.length + added.length > wordChars) {
      isCoarse ||= !!removed && !!added;
      out.add(removed, Op.Removed);
      out.add(added, Op.Added);
      return;
    }
    wordChars -= removed.length + added.length;
    const oldWords = wordPieces(removed);
    const newWords = wordPieces(added);
    const { a, b, ids } = toIds(oldWords, newWords);
    const allowed = Math.max(0, Math.min(budget.steps, limits.stepsPerPassage));
    const passage = { steps: allowed };
    const words = diffIds(a, b, ids, passage);
    budget.steps -= allowed - Math.max(0, passage.steps);
    isCoarse ||= words.isCoarse;
    out.addRuns(words.runs, removed, oldWords, added, newWords);
  };
  if (countLines(oldMiddle, limits.paragraphs) + countLines(newMiddle, limits.paragraphs) > limits.paragraphs) {
    comparePassage(oldMiddle, newMiddle);
  } else {
    const oldParas = paragraphPieces(oldMiddle);
    const newParas = paragraphPieces(newMiddle);
    const { a, b, ids } = toIds(oldParas, newParas);
    // Consecutive changed paragraphs make one passage, compared word by word.
    let i = 0;
    let j = 0;
    let removedFrom = 0;
    let addedFrom = 0;
    for (const { op, count } of diffIds(a, b, ids, budget).runs) {
      if (op === Op.Removed) i += count;
      else if (op === Op.Added) j += count;
      else {
        comparePassage(
          oldMiddle.slice(removedFrom, oldParas.bounds[i]),
          newMiddle.slice(addedFrom, newParas.bounds[j]),
        );
        removedFrom = oldParas.bounds[(i += count)] ?? oldMiddle.length;
        out.add(
          newMiddle.slice(newParas.bounds[j], (addedFrom = newParas.bounds[(j += count)] ?? newMiddle.length)),
          Op.Equal,
        );
      }
    }
    comparePassage(oldMiddle.slice(removedFrom), newMiddle.slice(addedFrom));
  }
  out.add(after.slice(after.length - tail), Op.Equal);
  return { parts: spacesOutside(out.parts), isCoarse };
}
