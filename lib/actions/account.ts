'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formError, formValues, notAForm, parseForm, readForm, type FormState } from '@/lib/api/form-result';
import { signOut } from '@/lib/data/sessions/next-auth';
import { getActor } from '@/lib/data/sessions/get-actor';
import { issueToken } from '@/lib/data/users/issue-token';
import { revokeToken } from '@/lib/data/users/revoke-token';
import { changeOwnPassword } from '@/lib/data/users/change-own-password';
import { idSchema } from '@/lib/validation/common';
import { createTokenInput } from '@/lib/validation/tokens';
import { changePasswordInput } from '@/lib/validation/users';

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  try {
    const input = changePasswordInput.parse({
      currentPassword: form.get('currentPassword'),
      newPassword: form.get('newPassword'),
    });
    await changeOwnPassword(await getActor(), input.currentPassword, input.newPassword);
  } catch (err) {
    return formError(err, {});
  }
  // Every session ended with the change, this one too: sign in again with the new password.
  await signOut({ redirectTo: '/sign-in?callbackUrl=/account' });
  return { status: 'ok' };
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const created = await issueToken(await getActor(), createTokenInput.parse({ name: values.name }));
    revalidatePath('/account');
    return {
      status: 'ok',
      message: `Token “${created.name}” created. Copy it now: it is not shown again.`,
      secret: created.token,
    };
  } catch (err) {
    return formError(err, values);
  }
}

/** Revokes one of the actor's tokens; called with the form alone (the page toasts the answer). */
export async function revokeTokenAction(form: FormData): Promise<FormState> {
  const input = parseForm(form, z.object({ id: idSchema }));
  if (!input) return notAForm;
  try {
    await revokeToken(await getActor(), input.id);
  } catch (err) {
    return formError(err, {});
  }
  revalidatePath('/account');
  return { status: 'ok', message: 'Token revoked: requests that send it are refused from now on.' };
}
