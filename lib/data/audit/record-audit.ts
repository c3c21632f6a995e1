import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import type { SqlClient } from '@/lib/db/sql';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Records a change in the same transaction as the change itself. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

export const INSERT_AUDIT_SQL = `INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", before, after) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`;

/** recordAudit for a hand-written SQL transaction (lib/db/sql). */
export async function recordAuditSql(client: SqlClient, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const json = (value: object | null | undefined) => (value == null ? null : JSON.stringify(value));
  await client.query(INSERT_AUDIT_SQL, [
    randomUUID(),
    actor?.id ?? null,
    entry.action,
    entry.entityType,
    entry.entityId,
    json(entry.before),
    json(entry.after),
  ]);
}
