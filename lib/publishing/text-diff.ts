/** A run of text kept, removed from the old version or added in the new one. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface TextDiff {
  parts: DiffPart[];
  /** Some changed paragraphs are shown whole (removed, then added) instead of word by word. */
  isCoarse: boolean;
}

/** Work limits for one comparison; the defaults keep it to a few tens of milliseconds at 2 MB a side. */
export interface DiffLimits {
  /** Steps of Myers' algorithm (diagonals tried plus words matched) over the whole comparison. */
  steps: number;
  /** Steps for one changed passage, so one rewrite cannot starve the others. */
  stepsPerPassage: number;
  /** Changed paragraphs compared as units; past this the whole changed middle is one replacement. */
  paragraphs: number;
  /** Characters of changed passages compared word by word. */
  wordChars: number;
}

export const DIFF_LIMITS: DiffLimits = { steps: 1_000_000, stepsPerPassage: 200_000, paragraphs: 20_000, wordChars: 200_000 };

const enum Op {
  Equal,
  Removed,
  Added,
}
type Run = { op: Op; count: number };

/**
 * Myers' O(ND) shortest edit script between two sequences of ids, or null once it has taken more than
 * `budget.steps` steps (the caller then shows the passage coarsely). The kept rows of the search are
 * bounded by the same budget, so memory is too.
 */
function editScript(a: Int32Array, b: Int32Array, budget: { steps: number }): Run[] | null {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1).fill(-1);
  const trace: Int32Array[] = [];
  // Furthest x reachable on diagonal k after d edits, from the rows of d - 1: down (an addition) or right (a removal).
  const reach = (row: (k: number) => number, k: number, d: number): { x: number; from: number } => {
    if (d === 0) return { x: 0, from: k };
    let x = -1;
    let from = k;
    if (k < d) {
      const down = row(k + 1);
      if (down >= 0 && down - k - 1 < m) [x, from] = [down, k + 1];
    }
    if (k > -d) {
      const right = row(k - 1);
      if (right >= 0 && right < n && right + 1 > x) [x, from] = [right + 1, k - 1];
    }
    return { x, from };
  };
  for (let d = 0; d <= n + m; d++) {
    budget.steps -= d + 1;
    if (budget.steps < 0) return null;
    for (let k = -d; k <= d; k += 2) {
      let { x } = reach((j) => v[offset + j] ?? -1, k, d);
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
        return backtrack(trace, n, m, reach);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, reach: (row: (k: number) => number, k: number, d: number) => { x: number; from: number }): Run[] {
  const reversed: Run[] = [];
  const push = (op: Op, count: number) => {
    if (count <= 0) return;
    const last = reversed[reversed.length - 1];
    if (last && last.op === op) last.count += count;
    else reversed.push({ op, count });
  };
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const k = x - y;
    const prev = trace[d - 1];
    const { x: startX, from } = reach((j) => (prev ? (prev[j + d - 1] ?? -1) : 0), k, d);
    push(Op.Equal, x - startX);
    if (d === 0) break;
    push(from === k + 1 ? Op.Added : Op.Removed, 1);
    x = from === k + 1 ? startX : startX - 1;
    y = x - from;
  }
  return reversed.reverse();
}

/** Words with the space after them, runs of space, and single other characters: joined, they are the text. */
const WORD = /[\p{L}\p{M}\p{N}_]+\s*|\s+|[^\p{L}\p{M}\p{N}_\s]\s*/gu;

function toIds(pieces: string[][]): Int32Array[] {
  const ids = new Map<string, number>();
  return pieces.map((list) => Int32Array.from(list, (p) => ids.get(p) ?? ids.set(p, ids.size).size - 1));
}

/** Paragraphs with their line break, so that joined they are the text. */
function paragraphs(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
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

  addRuns(runs: Run[], before: string[], after: string[]): void {
    let i = 0;
    let j = 0;
    for (const { op, count } of runs) {
      if (op === Op.Added) this.add(after.slice(j, (j += count)).join(''), op);
      else if (op === Op.Removed) this.add(before.slice(i, (i += count)).join(''), op);
      else {
        this.add(after.slice(j, (j += count)).join(''), op);
        i += count;
      }
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
      while (common < space.length && next.value.endsWith(space.slice(space.length - common - 1)) && common + 1 < next.value.length) common++;
      if (common > 0 && common < part.value.length) {
        const ws = space.slice(space.length - common);
        result.push({ value: part.value.slice(0, -common), removed: true }, { value: next.value.slice(0, -common), added: true });
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
 * skipped, the rest is compared paragraph by paragraph, then each changed passage word by word, all
 * within `limits`. Past a limit the passage (or the whole changed middle) is shown as removed then added:
 * coarser, never wrong. Kept and added parts joined are the new text; kept and removed, the old one.
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
    const words = [removed.match(WORD) ?? [], added.match(WORD) ?? []];
    const [a, b] = toIds(words);
    const passage = { steps: Math.min(budget.steps, limits.stepsPerPassage) };
    const runs = a && b ? editScript(a, b, passage) : null;
    budget.steps -= Math.min(budget.steps, limits.stepsPerPassage) - Math.max(0, passage.steps);
    if (runs) out.addRuns(runs, words[0] ?? [], words[1] ?? []);
    else {
      isCoarse = true;
      out.add(removed, Op.Removed);
      out.add(added, Op.Added);
    }
  };
  if (countLines(oldMiddle, limits.paragraphs) + countLines(newMiddle, limits.paragraphs) > limits.paragraphs) {
    comparePassage(oldMiddle, newMiddle);
  } else {
    const pieces = [paragraphs(oldMiddle), paragraphs(newMiddle)];
    const [oldParas = [], newParas = []] = pieces;
    const [a, b] = toIds(pieces);
    const runs = a && b ? editScript(a, b, budget) : null;
    if (!runs) comparePassage(oldMiddle, newMiddle);
    else {
      let i = 0;
      let j = 0;
      let removed = '';
      let added = '';
      for (const { op, count } of runs) {
        if (op === Op.Removed) removed += oldParas.slice(i, (i += count)).join('');
        else if (op === Op.Added) added += newParas.slice(j, (j += count)).join('');
        else {
          comparePassage(removed, added);
          removed = added = '';
          out.add(newParas.slice(j, (j += count)).join(''), Op.Equal);
          i += count;
        }
      }
      comparePassage(removed, added);
    }
  }
  out.add(after.slice(after.length - tail), Op.Equal);
  return { parts: spacesOutside(out.parts), isCoarse };
}
