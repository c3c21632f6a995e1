'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { signIn, signOut } from '@/lib/data/sessions/next-auth';
import { getActor } from '@/lib/data/sessions/get-actor';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { endSessions } from '@/lib/data/sessions/end-sessions';

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const email = String(form.get('email') ?? '');
  const values = { email };
  if (!email.trim())
    return {
      status: 'error',
      message: 'Enter your email and password.',
      fieldErrors: { email: 'Enter your email.' },
      values,
    };
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo: safeCallbackPath(form.get('callbackUrl')),
    });
    return { status: 'ok' };
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === 'throttled') {
      return {
        status: 'error',
        message: 'Too many failed sign-ins for this account or network. Try again in 15 minutes.',
        values,
      };
    }
    if (err instanceof AuthError) {
      return { status: 'error', message: 'The email or password is not right, or the account is disabled.', values };
    }
    throw err; // the redirect after a successful sign-in
  }
}

/** Signs out everywhere: the session version moves on, so copies of this session's cookie stop working too. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSessions(actor.id);
  await signOut({ redirectTo: '/' });
}
