/**
 * A reader's or editor's words as `websearch_to_tsquery` input. PostgreSQL's parser turns each minus sign that is
 * not followed by a word into another NOT on its stack and fails ("tsquery stack too small") on about forty of them,
 * spaced or not: a run of minus signs says what one says.
 */
export function websearchInput(text: string): string {
  return text.replace(/-(?:[\s-]*-)+/g, '-');
}
