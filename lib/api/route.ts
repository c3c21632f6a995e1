import 'server-only';
import type { z } from 'zod';
import { getActor } from '@/lib/data/sessions/get-actor';
import type { Actor } from '@/lib/auth/permissions';
import { isSameOriginRequest, isUnsafeMethod } from '@/lib/auth/same-origin';
import { authenticateToken } from '@/lib/data/users/authenticate-token';
import { AppError, type FieldError } from '@/lib/errors';
import { LARGE_TEXT_CHARS, yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import type { Operation } from './operations';
import { findJsonProblem } from '@/lib/validation/json-shape';
import { DEFAULT_API_BODY_BYTES, isDeclaredTooLarge, readBodyWithin, tooLarge } from './body-limit';
import { problemFromError } from './problem';

const SMALL_BODY_BYTES = 8 * 1024;

interface Context<B, Q> {
  actor: Actor | null;
  body: B;
  query: Q;
  params: Record<string, string>;
  request: Request;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return {
        path: [path, ...issue.keys].filter(Boolean).join('.'),
        message: `Unknown field: ${issue.keys.join(', ')}.`,
      };
    }
    return { path: path || '(body)', message: issue.message };
  });
}

/**
 * Bearer token when the request carries one, else the session cookie. A cookie is sent by the browser
 * whoever asks, so a write with it must come from the app's own pages (a token is never sent by itself).
 */
async function authenticate(request: Request): Promise<Actor | null> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    return authenticateToken(match[1]);
  }
  const actor = await getActor();
  if (actor && isUnsafeMethod(request.method) && !isSameOriginRequest(request.headers, request.url)) {
    throw new AppError(
      'FORBIDDEN',
      'A change made with the session cookie must come from this site’s own pages (Origin or Sec-Fetch-Site). Other clients use an API token.',
      [{ path: '(header) Origin', message: 'Not this site’s origin.' }],
    );
  }
  return actor;
}

async function readBody(request: Request, schema: z.ZodType | undefined, maxBytes: number): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyWithin(request, maxBytes));
  if (!schema) return undefined;
  // Bodies a route does not need may be empty; for the rest an empty body names the missing fields.
  if (text.trim() === '') return parseWith(schema, {}, 'body');
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError('BAD_REQUEST', 'Send the body as JSON with Content-Type: application/json.', [
      { path: '(body)', message: 'Content-Type must be application/json.' },
    ]);
  }
  const large = text.length >= LARGE_TEXT_CHARS;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON.', [{ path: '(body)', message: 'Malformed JSON.' }]);
  }
  if (large) await yieldToLoop();
  const bad = findJsonProblem(json);
  if (bad)
    throw new AppError('BAD_REQUEST', 'The body is nested too deeply or holds characters that cannot be stored.', [
      { path: bad.path || '(body)', message: bad.message },
    ]);
  if (large) await yieldToLoop();
  return parseWith(schema, json, 'body');
}

function parseWith(schema: z.ZodType, value: unknown, where: 'body' | 'query'): unknown {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      'BAD_REQUEST',
      `The request ${where} is not valid.`,
      fieldErrors(result.error, where === 'query' ? 'query' : ''),
    );
  }
  return result.data;
}

/**
 * The one wrapper of every /api/v1 route handler: authenticates (token or session), parses the body and
 * query with the operation's zod schemas, runs the handler, and maps every error to problem+json.
 * Authorization itself happens in lib/data, which each handler calls with the actor.
 */
export function apiRoute<O extends Operation>(
  operation: O,
  handler: (ctx: Context<Infer<O['body']>, Infer<O['query']>>) => Promise<unknown>,
) {
  return async (request: Request, segment: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const maxBodyBytes = operation.maxBodyBytes ?? DEFAULT_API_BODY_BYTES;
      if (isDeclaredTooLarge(request.headers, maxBodyBytes)) throw tooLarge(maxBodyBytes);
      const actor = await authenticate(request);
      if (operation.access === 'signed-in' && !actor) {
        throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer …).');
      }
      const body = (await readBody(request, operation.body, maxBodyBytes)) as Infer<O['body']>;
      const search = Object.fromEntries(new URL(request.url).searchParams);
      const params = await segment.params;
      const bad = findJsonProblem(search, 'query') ?? findJsonProblem(params, 'path');
      if (bad) throw new AppError('BAD_REQUEST', 'The address holds characters that cannot be stored.', [bad]);
      const query = (operation.query ? parseWith(operation.query, search, 'query') : undefined) as Infer<O['query']>;
      const result = await handler({ actor, body, query, params, request });
      if (result instanceof Response) return result;
      if (operation.status === 204 || result === undefined) return new Response(null, { status: 204 });
      const dto = operation.response ? operation.response.parse(result) : result;
      const json = JSON.stringify(dto);
      // Compressing a few kilobytes of JSON costs more CPU than it saves in transfer: only larger bodies are.
      const cacheControl = json.length < SMALL_BODY_BYTES ? 'no-store, no-transform' : 'no-store';
      return new Response(json, {
        status: operation.status,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': cacheControl },
      });
    } catch (err) {
      return problemFromError(err);
    }
  };
}
