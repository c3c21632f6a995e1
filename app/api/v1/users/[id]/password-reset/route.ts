import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { resetPassword } from '@/lib/data/users/reset-password';

export const POST = apiRoute(operations.resetUserPassword, ({ actor, params }) =>
  resetPassword(actor, params.id ?? ''),
);
