/**
 * Whether a failed write broke the unique index on `field`: a check-then-insert raced another transaction that
 * inserted the same value first (its row was not yet committed when this one checked). Prisma reports it as P2002,
 * naming the field in its metadata; raw SQL as SQLSTATE 23505 naming the constraint.
 */
export function isUniqueViolation(err: unknown, field: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, meta, constraint } = err as { code?: unknown; meta?: unknown; constraint?: unknown };
  if (code === 'P2002') return JSON.stringify(meta ?? {}).includes(field);
  return code === '23505' && typeof constraint === 'string' && constraint.includes(field);
}
