import type { Metadata } from 'next';
import { operations, type Operation } from '@/lib/api/operations';
import { z } from 'zod';

export const metadata: Metadata = { title: 'API documentation' };

const schemaText = (schema: z.ZodType, io: 'input' | 'output') =>
  JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }), null, 2);

/** The human-readable form of /api/v1/openapi.json, from the same operation list and schemas. */
export default function ApiDocsPage() {
  const list = Object.entries(operations) as [string, Operation][];
  return (
    <>
      <h1>Factmark API</h1>
      <p>
        Every route is under <code>/api/v1</code>, takes and returns JSON, and accepts{' '}
        <code>Authorization: Bearer &lt;token&gt;</code> (create tokens on your account page). Errors are{' '}
        <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code>,{' '}
        <code>detail</code> and, for invalid input,{' '}
        <code>
          errors: [{'{'}path, message{'}'}]
        </code>
        . Lists are{' '}
        <code>
          {'{'}items, nextCursor{'}'}
        </code>
        . The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Operations" className="api-operations">
        <ul>
          {list.map(([id, o]) => (
            <li key={id}>
              <a href={`#${id}`}>
                <code>
                  {o.method} {o.path}
                </code>
              </a>{' '}
              — {o.summary}
            </li>
          ))}
        </ul>
      </nav>
      {list.map(([id, o]) => (
        <section key={id} id={id} className="operation">
          <h2>
            <code>
              {o.method} {o.path}
            </code>
          </h2>
          <p>{o.summary}.</p>
          <p>
            Allowed for: {o.who}. Success: <code>{o.status}</code>.
          </p>
          {o.body && (
            <details>
              <summary>Request body</summary>
              <pre>{schemaText(o.body, 'input')}</pre>
            </details>
          )}
          {o.response && (
            <details>
              <summary>Response</summary>
              <pre>{schemaText(o.response, 'output')}</pre>
            </details>
          )}
        </section>
      ))}
    </>
  );
}
