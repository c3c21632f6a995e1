'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { updateSettings } from '@/lib/data/settings/update-settings';
import { updateSettingsInput } from '@/lib/validation/settings';

export async function updateSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = updateSettingsInput.parse({
      name: values.name,
      url: values.url,
      logoUrl: values.logoUrl,
      methodologyUrl: values.methodologyUrl,
      correctionsPolicyUrl: values.correctionsPolicyUrl,
      embedOrigins: (values.embedOrigins ?? '').split(/\s+/).filter(Boolean),
    });
    await updateSettings(await getActor(), input);
    revalidatePath('/admin/settings');
    return { status: 'ok', message: 'Settings saved.', values };
  } catch (err) {
    return formError(err, values);
  }
}
