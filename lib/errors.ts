export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export interface FieldError {
  path: string;
  message: string;
}

const statusByCode: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** The one error type the product throws on purpose; lib/api maps it to problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** Seconds after which a retry may succeed (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
export const forbidden = (why = 'You are not allowed to do this.') => new AppError('FORBIDDEN', why);

/** How long a client is asked to wait (Retry-After) when the server is too busy to take a write. */
export const RETRY_AFTER_SECONDS = 2;

// What the pool, Prisma and PostgreSQL say when there is no connection or transaction slot to be had in time.
const overloadMessages = [
  'timeout exceeded when trying to connect', // pg Pool: connectionTimeoutMillis passed
  'Connection terminated due to connection timeout', // pg: a new connection not set up within connectionTimeoutMillis
  'Timed out fetching a new connection from the connection pool', // Prisma P2024
  'Unable to start a transaction in the given time', // Prisma P2028: transaction maxWait passed
  'expired transaction', // Prisma: the transaction outlived its timeout and was rolled back
  'too many clients already', // PostgreSQL 53300
  'remaining connection slots are reserved', // PostgreSQL 53300 for ordinary roles
];
const overloadSqlStates = new Set(['53300', '57P03']);

function isOverload(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  const { message, code, originalCode, originalMessage, cause } = err as Record<string, unknown>;
  const texts = [message, originalMessage].filter((t): t is string => typeof t === 'string');
  if (texts.some((text) => overloadMessages.some((signal) => text.includes(signal)))) return true;
  if ([code, originalCode].some((c) => typeof c === 'string' && overloadSqlStates.has(c))) return true;
  return isOverload(cause, depth + 1);
}

function isForeignAppError(err: unknown): err is AppError {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code, message } = err as Record<string, unknown>;
  return (
    name === 'AppError' && typeof code === 'string' && Object.hasOwn(statusByCode, code) && typeof message === 'string'
  );
}

/**
 * The AppError an error stands for: itself, or UNAVAILABLE (503, retry later) when the database had no
 * connection or transaction slot free within the bounded wait; undefined for anything else (a bug: 500).
 */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  // The same class from another bundle of this module (Next builds one per layer; workers have their own).
  if (isForeignAppError(err))
    return new AppError(err.code, err.message, Array.isArray(err.errors) ? err.errors : [], err.retryAfter);
  if (isOverload(err))
    return new AppError(
      'UNAVAILABLE',
      `The server is busy. Nothing was saved; try again in ${RETRY_AFTER_SECONDS} seconds.`,
    );
  return undefined;
}
