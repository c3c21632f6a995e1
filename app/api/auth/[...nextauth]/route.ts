import type { NextRequest } from 'next/server';
import { problem } from '@/lib/api/problem';
import { clientAddress } from '@/lib/auth/client-address';
import { handlers } from '@/lib/auth/next-auth';
import { isSignInThrottled, SIGN_IN_WINDOW_MS } from '@/lib/data/sessions';

export const GET = handlers.GET;

/** Password sign-ins over HTTP get a plain 429 once an account or address is throttled. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/callback/credentials')) {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get('email') ?? '').trim().toLowerCase();
    if (await isSignInThrottled(email, clientAddress(request.headers))) {
      return problem(429, 'Too many failed sign-ins. Try again in 15 minutes.', [], {
        'Retry-After': String(SIGN_IN_WINDOW_MS / 1000),
      });
    }
  }
  return handlers.POST(request);
}
