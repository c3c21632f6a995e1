import { RETRY_AFTER_SECONDS, toAppError, type FieldError } from '@/lib/errors';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An RFC 9457 problem+json response. */
export function problem(
  status: number,
  detail: string,
  errors: FieldError[] = [],
  headers: HeadersInit = {},
): Response {
  const body = {
    type: `https://factmark.org/problems/${status}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...(errors.length > 0 ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}

export function problemFromError(err: unknown): Response {
  const known = toAppError(err);
  if (known) {
    const retryAfter = known.retryAfter ?? (known.code === 'UNAVAILABLE' ? RETRY_AFTER_SECONDS : undefined);
    return problem(known.status, known.message, known.errors, retryAfter ? { 'Retry-After': String(retryAfter) } : {});
  }
  console.error(err);
  return problem(500, 'Something went wrong on our side. It has been logged.');
}
