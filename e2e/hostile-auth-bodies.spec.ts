import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { demoAdmin, tokenFor } from './support/accounts';

// Attacks on body sizes through the production server: a huge body is refused before it is read.
// A busy machine needs the headroom.
test.describe.configure({ timeout: 120_000 });

let baseURL: string;

test.beforeAll(async () => {
  baseURL = test.info().project.use.baseURL ?? '';
});

interface Upload {
  status: number;
  ms: number;
}

/**
 * POSTs up to 30 MB: with `declared`, only the headers saying so are sent until the server answers (it must
 * answer without reading); without, chunks flow until the server answers or the body is complete.
 */
function upload(
  path: string,
  headers: Record<string, string>,
  declared: 'declared' | 'streamed' | 'declared-and-sent',
): Promise<Upload> {
  const total = 30 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(new URL(path, baseURL), {
      method: 'POST',
      headers: {
        ...headers,
        ...(declared === 'streamed' ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(total) }),
      },
    });
    let answered = false;
    let sent = 0;
    request.on('response', (response) => {
      answered = true;
      response.resume();
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        request.destroy();
      });
    });
    request.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (declared === 'declared') return void request.flushHeaders();
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

/** Runs `work` while /api/health is asked again and again; every answer must be 200. */
async function withHealthProbe<T>(work: () => Promise<T>): Promise<{ result: T; healthMaxMs: number }> {
  let finished = false;
  const latencies: number[] = [];
  const probe = (async () => {
    while (!finished) {
      const started = performance.now();
      const response = await fetch(`${baseURL}/api/health`);
      latencies.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
  })();
  try {
    return { result: await work(), healthMaxMs: Math.max(0, ...latencies) };
  } finally {
    finished = true;
    await probe;
  }
}

test('30 MB bodies are refused with 413 before they are read, and the server keeps answering', async () => {
  test.setTimeout(120_000);
  const { token } = await tokenFor(demoAdmin.email, demoAdmin.password);
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const cases: [string, string, Record<string, string>, 'declared' | 'streamed' | 'declared-and-sent'][] = [
    ['sign-in, declared', '/api/auth/callback/credentials', form, 'declared'],
    ['sign-in, streamed', '/api/auth/callback/credentials', form, 'streamed'],
    ['API, declared', '/api/v1/articles', json, 'declared'],
    ['API, streamed', '/api/v1/articles', json, 'streamed'],
    [
      'server action, declared',
      '/sign-in',
      { ...form, Origin: baseURL, 'Next-Action': '0'.repeat(42) },
      'declared-and-sent',
    ],
  ];
  for (const [name, path, headers, how] of cases) {
    const { result, healthMaxMs } = await withHealthProbe(() => upload(path, headers, how));
    test.info().annotations.push({
      type: '30 MB body',
      description: `${name}: ${result.status} in ${result.ms.toFixed(0)} ms; /api/health max ${healthMaxMs.toFixed(0)} ms`,
    });
    expect(result.status, name).toBe(413);
  }
  const problem = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: form,
    body: 'a'.repeat(70 * 1024),
  });
  expect(problem.status).toBe(413);
  expect(problem.headers.get('content-type')).toContain('application/problem+json');
  expect(((await problem.json()) as { detail: string }).detail).toMatch(/larger than 64 KB/);
  // A body of a few fields is capped far lower than a document's: 2 MB to "already checked?" is refused unread.
  const fewFields = await fetch(`${baseURL}/api/v1/similar`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text: 'Inflation fell.', junk: Array.from({ length: 200_000 }, (_, i) => `z${i}`) }),
  });
  expect(fewFields.status).toBe(413);
  expect(((await fewFields.json()) as { detail: string }).detail).toMatch(/larger than 1 MB/);
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});
