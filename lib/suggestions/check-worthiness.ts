import nlp from 'compromise/two';

/** What makes a sentence worth checking, and how much each kind adds to its score. */
export interface Cue {
  kind: 'number' | 'comparison' | 'cause' | 'attribution' | 'prediction' | 'name';
  reason: string;
  weight: number;
}

export interface Scored {
  score: number;
  reasons: string[];
}

interface TaggedTerm {
  text: string;
  normal: string;
  tags: ReadonlySet<string>;
}

const WORDS = (list: string) => new RegExp(`\\b(?:${list})\\b`, 'i');

const CHANGE = WORDS(
  'rose|risen|rises|fell|fallen|falls|increased|decreased|doubled|tripled|halved|quadrupled|dropped|declined|grew|grown|shrank|climbed|jumped|soared|surged|plunged|slumped|cut|slashed|went up|went down',
);
const COMPARATIVE_WORDS = WORDS(
  'more than|less than|fewer than|than ever|record|all-time|twice as|half as|as many as|compared with|compared to|outnumber\\w*',
);
const CAUSE = WORDS(
  'because|due to|caused|causes|causing|led to|leads to|lead to|resulted in|results in|as a result|thanks to|blamed|responsible for|linked to|driven by|fuelled by|fueled by|contributed to|so that|prevents?|prevented',
);
const ATTRIBUTION = WORDS(
  'said|says|told|according to|claimed|claims|stated|states|announced|insisted|argued|asserted|alleged|testified|wrote|tweeted|boasted|promised|warned|denied|admitted',
);
const PREDICTION = WORDS(
  "will|won't|shall|going to|expected to|forecast|forecasts|projected|predicts|predicted|set to|on track to|by 20\\d\\d",
);
const QUOTE = /["“”]/;
const OPINION = WORDS(
  "i think|i feel|we believe|in my view|beautiful|wonderful|terrible|delicious|should|ought to|must|let us|let's|hopefully|perhaps|maybe",
);
const NUMBER_WORDS = WORDS(
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|quarter|third|percent|per cent|majority|minority|most|every',
);
const YEAR = /^(?:1[89]|20)\d\d$/;

const short = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Runs of terms with one of `tags`, as their text ("Anna Kowalski", "Labour Party"). */
function runsOf(terms: TaggedTerm[], tags: readonly string[]): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const term of terms) {
    if (tags.some((t) => term.tags.has(t))) run.push(term.text);
    else if (run.length > 0) {
      runs.push(run.join(' '));
      run = [];
    }
  }
  if (run.length > 0) runs.push(run.join(' '));
  return runs;
}

const FIGURE_TAGS = ['Value', 'Money', 'Percent', 'Fraction'] as const;

function numberCue(terms: TaggedTerm[], text: string): Cue | null {
  const values = terms.filter((t) => FIGURE_TAGS.some((tag) => t.tags.has(tag)));
  // A year on its own ("in 2019") dates a statement; it is not a statistic to check.
  const figures = values.filter((t) => !YEAR.test(t.normal));
  const figure = runsOf(terms, FIGURE_TAGS)
    .find((run) => !YEAR.test(run.trim()))
    ?.replace(/[,.;:]+$/, '');
  if (figures.some((t) => t.tags.has('Percent')) || /%|\bper ?cent\b/i.test(text))
    return { kind: 'number', reason: `a percentage (${short(figure ?? '%')})`, weight: 0.45 };
  if (figures.some((t) => t.tags.has('Money')) || /[$€£¥]\s?\d/.test(text))
    return { kind: 'number', reason: `an amount of money${figure ? ` (${short(figure)})` : ''}`, weight: 0.45 };
  if (figure && figures.length > 0) return { kind: 'number', reason: `a figure (${short(figure)})`, weight: 0.4 };
  const word = NUMBER_WORDS.exec(text);
  if (word) return { kind: 'number', reason: `a quantity (${word[0].toLowerCase()})`, weight: 0.25 };
  return null;
}

function comparisonCue(terms: TaggedTerm[], text: string): Cue | null {
  const superlative = terms.find((t) => t.tags.has('Superlative') && !/^(?:best|least|most)$/i.test(t.normal));
  if (superlative) return { kind: 'comparison', reason: `a superlative (${superlative.normal})`, weight: 0.3 };
  const change = CHANGE.exec(text);
  if (change) return { kind: 'comparison', reason: `a change (${change[0].toLowerCase()})`, weight: 0.3 };
  const words = COMPARATIVE_WORDS.exec(text);
  if (words) return { kind: 'comparison', reason: `a comparison (${words[0].toLowerCase()})`, weight: 0.3 };
  const comparative = terms.find((t) => t.tags.has('Comparative'));
  if (comparative && /\bthan\b/i.test(text))
    return { kind: 'comparison', reason: `a comparison (${comparative.normal} than)`, weight: 0.3 };
  return null;
}

/**
 * The check-worthiness of one sentence or clause, 0 to 1, with its reasons in short words: statistics
 * and numbers, comparisons and superlatives, causes, attributions and quotes, predictions, and the people
 * and organisations it names (compromise's tagger; its model ships in the npm package). Questions,
 * opinions and fragments score lower. About a millisecond per ten words: callers bound the input.
 */
export function scoreCheckWorthiness(text: string): Scored {
  const terms: TaggedTerm[] = nlp(text)
    .termList()
    .map((t) => ({ text: t.text, normal: t.normal, tags: t.tags ?? new Set<string>() }));
  const cues: Cue[] = [];
  const number = numberCue(terms, text);
  if (number) cues.push(number);
  const comparison = comparisonCue(terms, text);
  if (comparison) cues.push(comparison);
  const cause = CAUSE.exec(text);
  if (cause) cues.push({ kind: 'cause', reason: `a cause or effect (${cause[0].toLowerCase()})`, weight: 0.25 });
  const attribution = ATTRIBUTION.exec(text);
  if (QUOTE.test(text)) cues.push({ kind: 'attribution', reason: 'a quotation', weight: 0.15 });
  else if (attribution)
    cues.push({ kind: 'attribution', reason: `attributed (${attribution[0].toLowerCase()})`, weight: 0.15 });
  const prediction = PREDICTION.exec(text);
  if (prediction)
    cues.push({ kind: 'prediction', reason: `a prediction (${prediction[0].toLowerCase()})`, weight: 0.15 });
  const names = [
    ...new Set(
      [...runsOf(terms, ['Person']), ...runsOf(terms, ['Organization'])].map((n) => n.replace(/[,.;:'’s]+$/u, '')),
    ),
  ].filter(Boolean);
  if (names.length > 0)
    cues.push({
      kind: 'name',
      reason: `names ${names
        .slice(0, 2)
        .map((n) => short(n, 30))
        .join(' and ')}`,
      weight: 0.1,
    });

  // A sentence with something to check (a number, comparison or cause) is worth more than names and quotes alone.
  const hasSubstance = cues.some((c) => c.kind === 'number' || c.kind === 'comparison' || c.kind === 'cause');
  let score = cues.reduce((sum, c) => sum + c.weight, 0) * (hasSubstance ? 1 : 0.6);
  if (/\?["”’)]*$/.test(text.trim())) score *= 0.3;
  if (OPINION.test(text)) score *= 0.6;
  const wordCount = terms.length;
  if (wordCount < 6) score *= 0.5;
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons: cues.map((c) => c.reason) };
}

/** A cheap count of the cues (regular expressions only), to choose which sentences of a long article to score. */
export function countCues(text: string): number {
  let count = 0;
  if (/\d/.test(text) || NUMBER_WORDS.test(text)) count += 2;
  if (CHANGE.test(text) || COMPARATIVE_WORDS.test(text) || /\w(?:est|er than)\b/i.test(text)) count += 2;
  if (CAUSE.test(text)) count++;
  if (ATTRIBUTION.test(text) || QUOTE.test(text)) count++;
  if (PREDICTION.test(text)) count++;
  if (/\s\p{Lu}\p{Ll}+/u.test(text)) count++;
  return count;
}

/**
 * compromise builds its tagger's lexicon on the first sentence it reads (about 50 ms, and its module takes
 * 0.5 s to load): the server does both as it starts (instrumentation.ts), not in a reader's or editor's request.
 */
export function warmCheckWorthiness(): void {
  scoreCheckWorthiness('Officials said bus fares in Berlin fell by 20 percent last year, the lowest since 1990.');
}
