import 'server-only';
import { db } from '@/lib/db';
import { sha256 } from '@/lib/auth/token-hash';

export async function findPasswordLink(token: string): Promise<{ email: string; purpose: string } | null> {
  const link = await db().passwordToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!link || link.usedAt || link.expiresAt < new Date() || link.user.disabled) return null;
  return { email: link.user.email, purpose: link.purpose };
}
