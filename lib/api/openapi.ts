import { z } from 'zod';
import { operations, type Operation } from './operations';
import { DEFAULT_API_BODY_BYTES } from './body-limit';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

function operationObject(id: string, o: Operation) {
  const params = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const problemRef = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  return {
    operationId: id,
    summary: o.summary,
    description: `Allowed for: ${o.who}.`,
    tags: [o.tag],
    security: o.access === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(o.body
      ? { requestBody: { required: false, content: { 'application/json': { schema: jsonSchema(o.body, 'input') } } } }
      : {}),
    responses: {
      [o.status]: o.response
        ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(o.response, 'output') } } }
        : o.mediaType
          ? { description: 'Success', content: { [o.mediaType]: {} } }
          : { description: 'Success, no content' },
      '400': { description: 'Malformed or invalid request', content: problemRef },
      ...(o.access === 'public'
        ? {}
        : { '401': { description: 'Not signed in, or the token is invalid', content: problemRef } }),
      ...(o.access === 'public'
        ? {}
        : {
            '403': {
              description:
                o.method === 'GET'
                  ? 'Not allowed for your roles'
                  : 'Not allowed for your roles, or sent with the session cookie from another origin',
              content: problemRef,
            },
          }),
      ...(o.body
        ? {
            '413': {
              description: `The body is larger than ${(o.maxBodyBytes ?? DEFAULT_API_BODY_BYTES) / 1024 / 1024} MB`,
              content: problemRef,
            },
          }
        : {}),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, o] of Object.entries(operations) as [string, Operation][]) {
    (paths[o.path] ??= {})[o.method.toLowerCase()] = operationObject(id, o);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Factmark API',
      version: '1',
      description:
        'JSON in and out. Errors are RFC 9457 application/problem+json with `errors: [{path, message}]` for invalid input. Lists are `{items, nextCursor}`. Authenticate with `Authorization: Bearer <token>` (create tokens on your account page).',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (fm_…).' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
      },
    },
  };
}
