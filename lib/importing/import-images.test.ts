import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONContent } from '@tiptap/core';
import { DOMParser as PMDOMParser } from '@tiptap/pm/model';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isMediaSrc, mediaIdOf } from '@/lib/editor/figure';
import { editorSchema, parseDocument } from '@/lib/editor/schema';
import { renderDocument } from '@/lib/publishing/render-document';
import type { OmittedItem } from '@/lib/validation/articles';
import { htmlToDocument } from './html-to-document';
import { MAX_IMAGES_PER_IMPORT, type ImageCandidate } from './image-candidates';
import { MAX_IMAGE_BYTES, sniffImageType } from './image-type';
import { fetchImportImages } from './import-images';
import { importedDocument } from './import-jobs';
import { quietDom } from './quiet-dom';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const figures = (doc: JSONContent): JSONContent[] => {
  const found: JSONContent[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === 'figure') found.push(node);
    node.content?.forEach(walk);
  };
  walk(doc);
  return found;
};

describe('sniffImageType', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes, and nothing else', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffImageType(SVG)).toBeNull();
    expect(sniffImageType(Buffer.from('<!doctype html><img src=x onerror=alert(1)>'))).toBeNull();
    expect(sniffImageType(PNG.subarray(0, 4))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('images in imported HTML', () => {
  it('become figures with alt text and caption pointing at new media ids, collected for fetching', () => {
    const images: ImageCandidate[] = [];
    const omitted: OmittedItem[] = [];
    const doc = parseDocument(
      htmlToDocument(
        '<p>Before</p><figure class="x"><img src="https://news.example/a.png" alt="The bridge" onerror="alert(1)" style="width:9px"><figcaption>The <b>new</b> bridge</figcaption></figure>' +
          '<p>Text <a href="https://news.example/big"><img src="https://news.example/b.jpg"></a> after</p>',
        'body',
        omitted,
        { images },
      ),
    );
    const json = doc.toJSON() as JSONContent;
    const [first, second] = figures(json);
    expect(images.map((i) => i.source)).toEqual(['https://news.example/a.png', 'https://news.example/b.jpg']);
    expect(first?.attrs).toEqual({ src: `/media/${images[0]!.id}`, alt: 'The bridge', caption: 'The new bridge' });
    expect(second?.attrs).toMatchObject({ src: `/media/${images[1]!.id}`, alt: '', caption: '' });
    expect(JSON.stringify(json)).not.toMatch(/onerror|style|news\.example\/a\.png/);
    expect(omitted).toEqual([]);
  });

  it('leaves out data: images of a pasted page, images past the limit, and everything without the option', () => {
    const images: ImageCandidate[] = [];
    const omitted: OmittedItem[] = [];
    const many = Array.from(
      { length: MAX_IMAGES_PER_IMPORT + 1 },
      (_, i) => `<img src="https://news.example/${i}.png" alt="n${i}">`,
    ).join('');
    const doc = htmlToDocument(
      `<p>x</p><img src="data:image/png;base64,${PNG.toString('base64')}" alt="inline">${many}`,
      'body',
      omitted,
      { images },
    );
    expect(images).toHaveLength(MAX_IMAGES_PER_IMPORT);
    expect(figures(doc)).toHaveLength(MAX_IMAGES_PER_IMPORT);
    expect(omitted.map((o) => o.description)).toEqual(['inline', `n${MAX_IMAGES_PER_IMPORT}`]);

    const before: OmittedItem[] = [];
    expect(figures(htmlToDocument('<p>x</p><img src="https://news.example/a.png" alt="A">', 'body', before))).toEqual(
      [],
    );
    expect(before).toEqual([{ kind: 'image', description: 'A', url: 'https://news.example/a.png' }]);
  });

  it('keeps embedded images of a .docx (data: URLs) when asked to', () => {
    const images: ImageCandidate[] = [];
    htmlToDocument(`<p>x</p><img src="data:image/png;base64,${PNG.toString('base64')}" alt="chart">`, 'file', [], {
      images,
      allowData: true,
    });
    expect(images).toHaveLength(1);
    expect(images[0]?.source.startsWith('data:image/png;base64,')).toBe(true);
  });
});

describe('the figure node', () => {
  it('takes only Factmark media addresses, whether parsed from HTML or given as JSON', () => {
    const { window } = quietDom('<!doctype html><body></body>');
    const body = window.document.createElement('div');
    body.innerHTML =
      '<p>a</p><img src="https://evil.example/x.png" alt="x"><img src="/media/../api/v1/me"><img src="/media/0f8fad5b-d9cb-4a9f-a165-70367e0a1b2c" alt="ok">';
    const parsed = PMDOMParser.fromSchema(editorSchema()).parse(body).toJSON() as JSONContent;
    window.close();
    expect(figures(parsed).map((f) => f.attrs?.src)).toEqual(['/media/0f8fad5b-d9cb-4a9f-a165-70367e0a1b2c']);

    const doc = (src: string) => ({ type: 'doc', content: [{ type: 'figure', attrs: { src, alt: '', caption: '' } }] });
    expect(() => parseDocument(doc('https://evil.example/x.png'))).toThrow(RangeError);
    expect(() => parseDocument(doc('javascript:alert(1)'))).toThrow(RangeError);
    expect(() => parseDocument(doc('/media/0f8fad5b-d9cb-4a9f-a165-70367e0a1b2c'))).not.toThrow();
    expect(isMediaSrc('/media/0F8FAD5B-D9CB-4A9F-A165-70367E0A1B2C/x')).toBe(false);
  });

  it('renders for readers as <figure><img alt><figcaption>, escaped, and not at all with another address', () => {
    const id = '0f8fad5b-d9cb-4a9f-a165-70367e0a1b2c';
    const html = renderDocument(
      {
        type: 'doc',
        content: [
          { type: 'figure', attrs: { src: `/media/${id}`, alt: 'A "bridge"', caption: '<b>Photo</b>' } },
          { type: 'figure', attrs: { src: 'https://evil.example/x.png', alt: 'no', caption: '' } },
        ],
      },
      { claims: new Map() },
    );
    expect(html).toBe(
      `<figure><img src="/media/${id}" alt="A &quot;bridge&quot;" loading="lazy"><figcaption>&lt;b&gt;Photo&lt;/b&gt;</figcaption></figure>`,
    );
  });
});

describe('fetchImportImages', () => {
  let server: Server;
  let base: string;
  const served: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      // Types are claimed wrongly on purpose: the bytes decide.
      if (req.url === '/photo.png' || req.url === '/same.png')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(PNG);
      if (req.url === '/logo.svg') return res.writeHead(200, { 'content-type': 'image/png' }).end(SVG);
      if (req.url === '/huge.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(PNG);
        return res.end(Buffer.alloc(MAX_IMAGE_BYTES));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    delete process.env.FACTMARK_ALLOW_PRIVATE_URLS;
  });

  const imported = (html: string) => {
    const [omitted, images]: [OmittedItem[], ImageCandidate[]] = [[], []];
    return importedDocument(htmlToDocument(html, 'url', omitted, { images }), omitted, images);
  };

  it('keeps real images once, by their bytes, and lists refused ones in document order; the result is a valid document', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const document = imported(
      `<p>Story</p><img src="${base}/photo.png" alt="Photo"><img src="${base}/same.png" alt="Again"><img src="${base}/logo.svg" alt="Logo"><iframe src="https://video.example/7" title="Video"></iframe>` +
        `<img src="${base}/huge.png" alt="Huge"><img src="${base}/missing.png" alt="Gone"><table><tr><td><img src="${base}/logo.svg"></td></tr></table>`,
    );
    const { document: result, media } = await fetchImportImages(document);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({
      type: 'image/png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      sourceUrl: `${base}/photo.png`,
    });
    expect(media[0]!.bytes.equals(PNG)).toBe(true);
    const kept = figures(result.content);
    // The same bytes twice: both figures show the one stored image.
    expect(kept.map((f) => mediaIdOf(f.attrs?.src))).toEqual([media[0]!.id, media[0]!.id]);
    expect(kept.map((f) => f.attrs?.alt)).toEqual(['Photo', 'Again']);
    expect(result.omitted.map((o) => [o.description, o.url])).toEqual([
      ['Logo', `${base}/logo.svg`],
      ['Video', 'https://video.example/7'],
      ['Huge', `${base}/huge.png`],
      ['Gone', `${base}/missing.png`],
      [null, `${base}/logo.svg`],
    ]);
    expect(() => parseDocument(result.content)).not.toThrow();
    expect(result.images).toEqual([]);
  });

  it('refuses images on private addresses under the URL-import rules', async () => {
    served.length = 0;
    const { document, media } = await fetchImportImages(
      imported(`<p>Story</p><img src="${base}/photo.png" alt="Inside">`),
    );
    expect(media).toEqual([]);
    expect(figures(document.content)).toEqual([]);
    expect(document.omitted).toEqual([{ kind: 'image', description: 'Inside', url: `${base}/photo.png` }]);
    expect(served).toEqual([]);
  });
});
