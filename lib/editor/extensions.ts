import type { Extensions } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { ClaimMark } from './claim-mark';
import { Figure } from './figure';
import { isSafeUrl } from './safe-url';

/**
 * The one extension list: the browser editor, server-side validation and rendering all use it,
 * so the schema that sanitizes incoming HTML is exactly the schema the editor can show.
 */
const starterKit = StarterKit.configure({
  code: false,
  codeBlock: false,
  strike: false,
  underline: false,
  heading: { levels: [2, 3, 4] },
  link: {
    openOnClick: false,
    autolink: true,
    protocols: ['http', 'https'],
    defaultProtocol: 'https',
    isAllowedUri: (url) => isSafeUrl(url),
    HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
  },
});

/** A verdict's explanation: the article's formatting without claims. */
export const explanationExtensions: Extensions = [starterKit];

/** Tables as imported or pasted: rows of header and data cells (colspan/rowspan kept); no column resizing. */
const tables: Extensions = [Table.configure({ resizable: false }), TableRow, TableHeader, TableCell];

export const editorExtensions: Extensions = [starterKit, ...tables, Figure, ClaimMark];
