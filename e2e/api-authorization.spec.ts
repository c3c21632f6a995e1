import { expect, test } from '@playwright/test';
import { describeApiMatrix, discoverRoutes } from './support/api-matrix';
import { accountRows } from './support/api-rows-accounts';
import { claimRows } from './support/api-rows-claims';

// The matrix of e2e/support/api-matrix.ts: this file holds its token, user, settings and article rows,
// api-authorization-claims.spec.ts the rest (each file runs in a worker of its own).
test('every /api/v1 route has a row in the authorization matrix', () => {
  const rows = [...accountRows, ...claimRows].map((r) => r.route).sort();
  expect(rows).toEqual(discoverRoutes());
});

test('the benchmark routes do not exist on a server the benchmarks did not start', async ({ request }) => {
  const calls = [
    request.get('/api/bench/constant?size=10'),
    request.get('/api/bench/event-loop'),
    request.post('/api/bench/raw-verdict', { data: { claimId: 'x', baseVersion: 1, shortVerdict: 'x' } }),
  ];
  expect((await Promise.all(calls)).map((r) => r.status())).toEqual([404, 404, 404]);
});

describeApiMatrix(accountRows);
