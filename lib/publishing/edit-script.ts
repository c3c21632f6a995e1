/** Edit scripts between two sequences of ids (patience anchors, then Myers within a step budget), for `text-diff.ts`. */

export const enum Op {
  Equal,
  Removed,
  Added,
}
export type Run = { op: Op; count: number };

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
export function diffIds(
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
