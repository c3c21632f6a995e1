import { diffIds, Op, type Run } from './edit-script';

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
