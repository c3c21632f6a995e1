// A long article for the benchmarks: `words` words in paragraphs, and `claims` ranges spread evenly.
const vocabulary =
  'the council said minister reported budget percent growth million voters election policy government claimed data year rate rose fell official study found'.split(
    ' ',
  );

export function generateArticle(
  wordCount: number,
  claimCount: number,
): { text: string; claimAt: { start: number; end: number }[] } {
  const paragraphs: string[] = [];
  let words = 0;
  let n = 0;
  while (words < wordCount) {
    const sentence = Array.from({ length: 50 }, (_, i) => vocabulary[(n * 7 + i * 3) % vocabulary.length]).join(' ');
    paragraphs.push(`Paragraph ${n}: ${sentence}.`);
    words += 52;
    n++;
  }
  const text = paragraphs.join('\n');
  // Claims spread evenly, each over a few words (close together when there are many).
  const claimAt: { start: number; end: number }[] = [];
  const step = Math.floor(text.length / claimCount);
  const length = Math.min(20, Math.max(4, step - 12));
  for (let i = 0; i < claimCount; i++) {
    const start = text.indexOf(' ', i * step) + 1;
    const end = text.indexOf(' ', start + length);
    claimAt.push({ start, end });
  }
  return { text, claimAt };
}
