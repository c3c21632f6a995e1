import { expect, test } from '@playwright/test';
import { buildActions, describeActionMatrix } from './support/action-matrix';
import { adminRows } from './support/action-rows-admin';
import { newsroomRows } from './support/action-rows-newsroom';

// The matrix of e2e/support/action-matrix.ts: this file holds its sessions, account and admin rows,
// action-authorization-newsroom.spec.ts the rest (each file runs in a worker of its own).
test('every server action of the build has a row in the action authorization matrix', () => {
  expect([...adminRows, ...newsroomRows].map((r) => r.action).sort()).toEqual([...buildActions().keys()].sort());
});

describeActionMatrix(adminRows);
