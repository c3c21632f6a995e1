'use server';

import { redirect } from 'next/navigation';
import { formError, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { setPasswordFromLink } from '@/lib/data/users/set-password-from-link';
import { passwordSchema } from '@/lib/validation/users';
import { z } from 'zod';

export async function setPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  try {
    const { token, password } = z.object({ token: z.string().min(1).max(200), password: passwordSchema }).parse({
      token: form.get('token'),
      password: form.get('password'),
    });
    await setPasswordFromLink(token, password);
  } catch (err) {
    return formError(err, {});
  }
  redirect('/sign-in?callbackUrl=/dashboard');
}
