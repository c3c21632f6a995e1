import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'xss');
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;

/** Every vector of the three corpora: DOMPurify's payloads, html5sec's vectors, the OWASP cheat sheet's. */
export function xssVectors(): string[] {
  const dompurify = read<{ payload: string }[]>('dompurify/expect.json').map((v) => v.payload);
  const h5sc = read<{ resolved: string }[]>('h5sc/h5sc-vectors.json').map((v) => v.resolved);
  const owasp = read<{ vector: string }[]>('owasp/owasp-xss-filter-evasion-vectors.json').map((v) => v.vector);
  return [...dompurify, ...h5sc, ...owasp].filter((v) => v.trim().length > 0);
}

/** The vectors packed into as few strings of at most `max` characters as possible (longer ones cut). */
export function packVectors(vectors: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of vectors) {
    const v = raw.slice(0, max);
    if (current && current.length + 1 + v.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${v}` : v;
  }
  if (current) chunks.push(current);
  return chunks;
}
