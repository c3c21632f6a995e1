import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditEntryRow = Prisma.AuditLogGetPayload<{ include: { actor: { select: { id: true; name: true } } } }>;
export const toAuditEntryDto = (e: AuditEntryRow) => ({
  id: e.id,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  actor: e.actor,
  before: e.before ?? null,
  after: e.after ?? null,
  createdAt: e.createdAt.toISOString(),
});
