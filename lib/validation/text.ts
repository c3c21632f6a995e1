// PostgreSQL stores neither U+0000 in text nor a lone UTF-16 surrogate in jsonb; no real text needs them.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_TEXT_ALL = new RegExp(BAD_TEXT.source, 'g');

/** True when the string holds U+0000 or a broken surrogate pair. */
export const hasBadText = (value: string): boolean => BAD_TEXT.test(value);

/** The string with U+0000 removed and broken surrogates replaced by U+FFFD (for form fields). */
export const storableText = (value: string): string =>
  value.replace(BAD_TEXT_ALL, (c) => (c === '\u0000' ? '' : '\uFFFD'));
