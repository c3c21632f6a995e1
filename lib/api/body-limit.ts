import { AppError } from '@/lib/errors';

/** JSON bodies of /api/v1 that carry documents: an article's content, a verdict's explanation, a ClaimReview feed. */
export const MAX_API_BODY_BYTES = 8 * 1024 * 1024;
/**
 * Every other JSON body of /api/v1: a few fields. Parsing and checking a body costs the event loop time that every
 * other request waits for, so a body no operation needs is refused before it is read.
 */
export const DEFAULT_API_BODY_BYTES = 1024 * 1024;
/** Auth.js's endpoints: a sign-in form or an OpenID Connect form_post holds a few kilobytes. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;
/**
 * Page requests (server actions), checked by proxy.ts: Next.js copies the body of every request the proxy
 * sees into memory and silently cuts it at 10 MB (`proxyClientMaxBodySize`), so nothing larger arrives whole.
 */
export const MAX_PAGE_BODY_BYTES = 10 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;

export function tooLarge(maxBytes: number): AppError {
  const limit = maxBytes >= 1024 * 1024 ? megabytes(maxBytes) : `${maxBytes / 1024} KB`;
  return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit}.`, [
    { path: '(body)', message: `At most ${limit}.` },
  ]);
}

/** True when the declared Content-Length is over the limit or not a length at all (refused before reading). */
export function isDeclaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const declared = headers.get('content-length');
  if (declared === null) return false;
  return !/^\d{1,16}$/.test(declared.trim()) || Number(declared) > maxBytes;
}

/**
 * The body, read chunk by chunk and abandoned as soon as it passes `maxBytes`, so an oversized or
 * lying request costs at most that much memory; the declared length is checked before anything is read.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (isDeclaredTooLarge(request.headers, maxBytes)) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
