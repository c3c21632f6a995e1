'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { FormState } from '@/lib/validation/form-state';
import { useToast, useToastingAction } from './toast';

const idle: FormState = { status: 'idle' };

/**
 * A staff form's server action with the shared feedback: success in a toast, a refused field marked beside itself
 * with the keyboard moved to the first one, and a refusal no field can show in an error toast.
 */
export function useFormFeedback(action: (previous: FormState, form: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(useToastingAction(action), idle);
  const form = useRef<HTMLFormElement>(null);
  const toast = useToast();
  useEffect(() => {
    if (state.status !== 'error') return;
    // A group of checkboxes shows its error in its fieldset: its first box takes the focus.
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset:has(.field-error) input');
    if (invalid) invalid.focus();
    else toast(state.message ?? 'Not saved: try again.', 'error');
  }, [state, toast]);
  return { state, formAction, pending, form };
}
