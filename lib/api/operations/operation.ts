import type { z } from 'zod';

export type Access = 'public' | 'signed-in';

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** The roles that may call it, in words, for the document. */
  who: string;
  body?: z.ZodType;
  /** The largest body it reads (413 past it): DEFAULT_API_BODY_BYTES unless the operation carries a document. */
  maxBodyBytes?: number;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Media type of a successful response when it is not application/json. */
  mediaType?: string;
  status: number;
}

/** Checks an operation’s shape and keeps its literal types (the routes take their schemas from them). */
export const op = <T extends Operation>(o: T): T => o;
