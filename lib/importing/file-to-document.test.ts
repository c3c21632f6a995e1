import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { plainText } from '@/lib/editor/plain-text';
import { parseDocument } from '@/lib/editor/schema';
import { AppError } from '@/lib/errors';
import { fileToDocument } from './file-to-document';
import { fetchImportImages } from './import-images';

/** A minimal but real .docx (Office Open XML) made the way Word stores one. */
async function docx(paragraphs: { text: string; style?: string; bold?: boolean }[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r>${p.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${p.text}</w:t></w:r></w:p>`,
    )
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.errors[0]?.message ?? err.message;
  }
  throw new Error('expected a refusal');
}

describe('fileToDocument', () => {
  it('reads a Word document with headings and bold text', async () => {
    const bytes = await docx([
      { text: 'Bridge report', style: 'Heading1' },
      { text: 'The council voted 7 to 2.', bold: true },
    ]);
    const { content, plainText: text } = await fileToDocument('report.docx', bytes);
    const doc = parseDocument(content);
    expect(plainText(doc).text).toBe('Bridge report\nThe council voted 7 to 2.');
    expect(text).toBe(plainText(doc).text);
    expect(JSON.stringify(content)).toContain('"type":"heading"');
    expect(JSON.stringify(content)).toContain('"type":"bold"');
  });

  it('reads text and Markdown, titled after the file', async () => {
    const md = await fileToDocument('council-vote.md', Buffer.from('# Vote\n\nA *claim*.'));
    expect(md.title).toBe('council vote');
    expect(plainText(parseDocument(md.content)).text).toBe('Vote\nA claim.');
    expect(md.plainText).toBe('Vote\nA claim.');
    const txt = await fileToDocument('notes.txt', Buffer.from('Line one\nLine two'));
    expect(plainText(parseDocument(txt.content)).text).toBe('Line one\nLine two');
    expect(txt.plainText).toBe('Line one\nLine two');
  });

  it('refuses unknown types, binary text files, damaged .docx and empty files with a reason', async () => {
    expect(await refusal(fileToDocument('photo.png', Buffer.from([0x89, 0x50])))).toBe(
      'Upload a .txt, .md, .html or .docx file.',
    );
    expect(await refusal(fileToDocument('notes.txt', Buffer.from([0x41, 0x00, 0x42])))).toBe(
      'This file is binary, not text.',
    );
    expect(await refusal(fileToDocument('report.docx', Buffer.from('not a zip')))).toBe(
      'This file is not a readable .docx.',
    );
    expect(await refusal(fileToDocument('empty.txt', Buffer.alloc(0)))).toBe('The file is empty.');
  });
});

/** A .docx with one paragraph and one embedded picture, stored as Word stores it (a drawing pointing at word/media). */
async function docxWithPicture(picture: Buffer, alt: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
  );
  zip.file('word/media/image1.png', picture);
  const drawing =
    `<w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1" descr="${alt}"/>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      `<w:body><w:p><w:r><w:t>The chart shows the budget.</w:t></w:r></w:p><w:p><w:r>${drawing}</w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('pictures in a .docx', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('become figures whose image is stored; a picture that is not PNG, JPEG, GIF or WebP is listed as left out', async () => {
    const kept = await fetchImportImages(
      await fileToDocument('chart.docx', await docxWithPicture(png, 'Budget chart')),
    );
    expect(kept.media).toHaveLength(1);
    expect(kept.media[0]?.bytes.equals(png)).toBe(true);
    expect(kept.media[0]?.sourceUrl).toBeNull();
    const figure = kept.document.content.content?.find((n) => n.type === 'figure');
    expect(figure?.attrs).toMatchObject({ src: `/media/${kept.media[0]?.id}`, alt: 'Budget chart' });
    expect(() => parseDocument(kept.document.content)).not.toThrow();

    const refused = await fetchImportImages(
      await fileToDocument(
        'chart.docx',
        await docxWithPicture(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'Logo'),
      ),
    );
    expect(refused.media).toEqual([]);
    expect(refused.document.omitted).toEqual([{ kind: 'image', description: 'Logo', url: null }]);
  });
});
