import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotationValidator } from './fixtures/annotation-validator';
import { sampleSnapshot } from './fixtures/sample-snapshot';
import { webAnnotations } from './web-annotations';

const failures = createAnnotationValidator();
const EXAMPLES = path.join(import.meta.dirname, 'fixtures/annotation-model/w3c-web-annotation/model/wd2/examples');

describe('the W3C annotation-model validator used here', () => {
  it('passes every correct example of the Web Annotation Data Model', () => {
    const files = readdirSync(path.join(EXAMPLES, 'correct')).filter((f) => /^anno\d+\.json$/.test(f));
    expect(files).toHaveLength(43);
    for (const file of files)
      expect([file, failures(JSON.parse(readFileSync(path.join(EXAMPLES, 'correct', file), 'utf8')))]).toEqual([
        file,
        [],
      ]);
  });

  it('fails every incorrect example that is valid JSON', () => {
    const parsed = readdirSync(path.join(EXAMPLES, 'incorrect')).flatMap((file) => {
      try {
        return [[file, JSON.parse(readFileSync(path.join(EXAMPLES, 'incorrect', file), 'utf8'))] as const];
      } catch {
        return []; // Trailing commas on purpose: no client would get as far as the model.
      }
    });
    expect(parsed.length).toBeGreaterThan(20);
    for (const [file, annotation] of parsed) expect([file, failures(annotation).length > 0]).toEqual([file, true]);
  });
});

describe('webAnnotations', () => {
  const collection = webAnnotations(sampleSnapshot(), 'pub-1', 'https://factmark.example');

  it('is an AnnotationCollection whose first page embeds one annotation per claim', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe('https://factmark.example/api/v1/publications/pub-1/annotations');
    expect(collection.total).toBe(2);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(2);
  });

  it('passes every MUST assertion of the W3C annotation-model tests, selectors included', () => {
    for (const annotation of collection.first.items) expect(failures(annotation)).toEqual([]);
  });

  it('assesses the claim with its rating and verdict, links the explanation and sources, and targets the words', () => {
    const [a] = collection.first.items;
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://factmark.example/api/v1/publications/pub-1/annotations#claim-a',
      motivation: 'assessing',
      created: '2026-11-01T10:00:00.000Z',
      target: {
        source: 'https://factmark.example/a/minister-on-jobs/v/1',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'unemployment fell to 3%',
            prefix: 'The minister said ',
            suffix: ' last year.',
          },
          { type: 'TextPositionSelector', start: 18, end: 41 },
        ],
      },
    });
    expect(a?.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'False: It rose to 4.1%, official figures show.',
        format: 'text/plain',
        language: 'en',
      },
      {
        id: 'https://factmark.example/a/minister-on-jobs/v/1#claim-claim-a',
        type: 'Text',
        format: 'text/html',
        purpose: 'describing',
      },
      { id: 'https://stats.example/labour', type: 'Text', purpose: 'linking' },
    ]);
    const plain = sampleSnapshot().article.plainText;
    expect(plain.slice(18, 41)).toBe('unemployment fell to 3%');
  });
});
