import { z } from 'zod';
import { boundedDate, idSchema, isoDate } from './common';

export const reviewInput = z
  .strictObject({
    decision: z.enum(['approve', 'request_changes']),
    comment: z.string().trim().max(5000).optional(),
    claimVersion: z
      .number({ error: 'Send the version of the claim you reviewed.' })
      .int()
      .min(1)
      .max(2_147_483_647)
      .describe('The claim’s `version` as you reviewed it: a claim changed since is refused with 409.'),
  })
  .refine((r) => r.decision === 'approve' || (r.comment?.length ?? 0) > 0, {
    path: ['comment'],
    message: 'Say what needs to change.',
  });
export type ReviewInput = z.infer<typeof reviewInput>;

export const reviewDto = z.object({
  id: z.string(),
  claimId: z.string(),
  decision: z.enum(['approve', 'request_changes']),
  comment: z.string().nullable(),
  claimVersion: z.number().int(),
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: isoDate,
});

export const queueQuery = z.strictObject({ article: idSchema.optional(), editor: idSchema.optional() });

export const queueItemDto = z.object({
  claimId: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  quote: z.string(),
  editor: z.object({ id: z.string(), name: z.string() }).nullable(),
  rating: z.string().nullable(),
  submittedAt: isoDate,
  canApprove: z
    .boolean()
    .describe('False when you wrote or changed any of the claim since its last approval (four-eyes rule).'),
});

export const commentInput = z.strictObject({
  body: z.string().trim().min(1, 'Write a comment.').max(5000),
  parentId: idSchema.optional(),
});
export const commentUpdateInput = z.strictObject({ resolved: z.boolean() });
export const commentDto = z.object({
  id: z.string(),
  claimId: z.string(),
  parentId: z.string().nullable(),
  body: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  resolved: z.boolean(),
  createdAt: isoDate,
});

const notificationDto = z.object({
  id: z.string(),
  kind: z.enum(['submitted', 'approved', 'changes_requested', 'comment']),
  claimId: z.string().nullable(),
  articleId: z.string().nullable(),
  text: z.string(),
  actor: z.string().nullable(),
  read: z.boolean(),
  createdAt: isoDate,
});
export const notificationsDto = z.object({
  items: z.array(notificationDto),
  nextCursor: z.null(),
  unread: z.number().int(),
});
export const markReadInput = z.strictObject({
  ids: z.array(idSchema).max(500).optional().describe('Omit to mark all as read.'),
});

export const auditQuery = z.strictObject({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actor: idSchema.optional(),
  from: boundedDate('Use a date such as 2025-08-17.').optional(),
  to: boundedDate('Use a date such as 2025-08-17.').optional(),
  cursor: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const auditEntryDto = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: isoDate,
});
