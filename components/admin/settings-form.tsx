'use client';

import { updateSettingsAction } from '@/lib/actions/settings';
import { Field, TextAreaField } from '@/components/ui/field';
import { useFormFeedback } from '@/components/ui/use-form-feedback';
import type { SettingsDto } from '@/lib/validation/settings';
import { Button } from '@/components/ui/button';

const fields = [
  { name: 'name', label: 'Organisation name', type: 'text' },
  { name: 'url', label: 'Website', type: 'url' },
  { name: 'logoUrl', label: 'Logo URL', type: 'url' },
  { name: 'methodologyUrl', label: 'Methodology page', type: 'url' },
  { name: 'correctionsPolicyUrl', label: 'Corrections policy page', type: 'url' },
] as const;

export function SettingsForm({ settings }: { settings: SettingsDto }) {
  const { state, formAction, pending, form } = useFormFeedback(updateSettingsAction);
  return (
    <form action={formAction} className="form narrow" noValidate ref={form}>
      {fields.map((f) => (
        <Field
          key={f.name}
          label={f.label}
          name={f.name}
          type={f.type}
          hint={f.type === 'url' ? 'An https:// address.' : undefined}
          defaultValue={state.values?.[f.name] ?? settings[f.name] ?? ''}
          error={state.fieldErrors?.[f.name]}
        />
      ))}
      <TextAreaField
        id="field-embedOrigins"
        label="Partner sites allowed to embed fact-checks (one per line, e.g. https://partner.example)"
        name="embedOrigins"
        rows={3}
        defaultValue={state.values?.embedOrigins ?? settings.embedOrigins.join('\n')}
        error={state.fieldErrors?.embedOrigins}
      />
      <Button type="submit" disabled={pending}>
        Save settings
      </Button>
    </form>
  );
}
