import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_CHARS, MAX_UPLOAD_BYTES } from '@/lib/validation/articles';
import type { ImportedDocument } from './import-jobs';
import { parseDocx, parseText, tooLarge } from './import-pool';
import type { TextFormat } from './text-to-document';

const fileError = (message: string) => new AppError('UNPROCESSABLE', message, [{ path: 'file', message }]);
const formats: Record<string, TextFormat> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/** Reads an uploaded .txt, .md, .html or .docx into editor JSON (parsed on the import worker); anything else is refused by name. */
export async function fileToDocument(
  name: string,
  bytes: Buffer,
): Promise<ImportedDocument & { title: string | null }> {
  if (bytes.byteLength === 0) throw fileError('The file is empty.');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge('file', 'file (8 MB at most)');
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const baseTitle =
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || null;
  if (extension === 'docx') {
    // A .docx is a zip archive: it starts with "PK".
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fileError('This file is not a readable .docx.');
    return { ...(await parseDocx(bytes, 'file')), title: null };
  }
  const format = formats[extension];
  if (!format) throw fileError('Upload a .txt, .md, .html or .docx file.');
  if (bytes.includes(0)) throw fileError('This file is binary, not text.');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.length > MAX_ARTICLE_CHARS) throw tooLarge('file', 'text of the file (2 MB at most)');
  return { ...(await parseText(format, text, 'file')), title: format === 'html' ? null : baseTitle };
}
