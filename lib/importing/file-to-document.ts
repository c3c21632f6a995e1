import type { JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS } from '@/lib/validation/articles';
import { htmlToDocument } from './html-to-document';
import { textToDocument } from './text-to-document';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const fileError = (message: string) => new AppError('UNPROCESSABLE', message, [{ path: 'file', message }]);

/** Reads an uploaded .txt, .md, .html or .docx into editor JSON; anything else is refused by name. */
export async function fileToDocument(name: string, bytes: Buffer): Promise<{ content: JSONContent; title: string | null }> {
  if (bytes.byteLength === 0) throw fileError('The file is empty.');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw fileError('The file is larger than 10 MB.');
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const baseTitle = name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || null;
  if (extension === 'docx') {
    // A .docx is a zip archive: it starts with "PK".
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fileError('This .docx file is damaged or not a Word document.');
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return { content: htmlToDocument(value), title: null };
  }
  const formats: Record<string, 'text' | 'markdown' | 'html'> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };
  const format = formats[extension];
  if (!format) throw fileError('Upload a .txt, .md, .html or .docx file.');
  if (bytes.includes(0)) throw fileError('This file is binary, not text.');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.length > MAX_ARTICLE_CHARS) throw fileError('The file has more than 2 MB of text.');
  return { content: textToDocument(format, text), title: format === 'html' ? null : baseTitle };
}
