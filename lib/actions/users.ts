'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { createUser } from '@/lib/data/users/create-user';
import { resetPassword } from '@/lib/data/users/reset-password';
import { updateUser } from '@/lib/data/users/update-user';
import { idSchema } from '@/lib/validation/common';
import { createUserInput, updateUserInput } from '@/lib/validation/users';

const roles = (form: FormData) => form.getAll('roles').map(String);

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const fields = formValues(form, ['password']);
  const values = { ...fields, roles: roles(form).join(',') };
  try {
    const password = String(form.get('password') ?? '');
    const input = createUserInput.parse({
      email: fields.email,
      name: fields.name,
      roles: roles(form),
      password: password === '' ? undefined : password,
    });
    const user = await createUser(await getActor(), input);
    revalidatePath('/admin/users');
    return user.invitationUrl
      ? {
          status: 'ok',
          message: `${user.name} was created: send them the one-time link shown under the form.`,
          secret: user.invitationUrl,
          values: { name: user.name },
        }
      : { status: 'ok', message: `${user.name} was created and can sign in now.` };
  } catch (err) {
    return formError(err, values);
  }
}

export async function updateRolesAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  try {
    const input = updateUserInput.parse({ roles: roles(form) });
    const user = await updateUser(await getActor(), idSchema.parse(form.get('id')), input);
    revalidatePath('/admin/users');
    return { status: 'ok', message: `Roles of ${user.name} saved.` };
  } catch (err) {
    return formError(err, {});
  }
}

export async function setDisabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  try {
    const disabled = form.get('disabled') === 'true';
    const user = await updateUser(await getActor(), idSchema.parse(form.get('id')), { disabled });
    revalidatePath('/admin/users');
    return {
      status: 'ok',
      message: disabled
        ? `${user.name} is disabled; their sessions ended and their API tokens are revoked.`
        : `${user.name} is enabled again; their old API tokens stay revoked.`,
    };
  } catch (err) {
    return formError(err, {});
  }
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  try {
    const { resetUrl } = await resetPassword(await getActor(), idSchema.parse(form.get('id')));
    return {
      status: 'ok',
      message:
        'Password reset: their sessions ended; their API tokens still work. Send this one-time link to the user:',
      secret: resetUrl,
    };
  } catch (err) {
    return formError(err, {});
  }
}
