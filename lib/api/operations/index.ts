// Every /api/v1 operation: route handlers take their schemas from here, the OpenAPI document is
// generated from here, and the authorization matrix test checks it against the route files.
import { accountOperations } from './account';
import { articleOperations } from './articles';
import { auditOperations } from './audit';
import { claimOperations } from './claims';
import type { Operation } from './operation';
import { publishingOperations } from './publishing';
import { ratingOperations } from './ratings';
import { reviewOperations } from './reviews';
import { searchOperations } from './search';
import { settingsOperations } from './settings';
import { sourceOperations } from './sources';
import { userOperations } from './users';

export type { Access, Operation } from './operation';

// The OpenAPI document lists paths in this order (as it did before the registry was split by tag), so the few
// operations added to a tag later keep their place and the published document does not change.
const { deleteClaim, restoreClaim, exportClaimsCsv, ...claims } = claimOperations;
const { setAssignment, ...articles } = articleOperations;
const { publishArticle, retractArticle, ...publishing } = publishingOperations;

export const operations = {
  ...accountOperations,
  ...userOperations,
  ...settingsOperations,
  ...articles,
  ...claims,
  ...sourceOperations,
  ...ratingOperations,
  deleteClaim,
  restoreClaim,
  ...reviewOperations,
  ...auditOperations,
  setAssignment,
  publishArticle,
  retractArticle,
  exportClaimsCsv,
  ...publishing,
  ...searchOperations,
} satisfies Record<string, Operation>;
