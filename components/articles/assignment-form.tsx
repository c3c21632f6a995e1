'use client';

import { useActionState } from 'react';
import { assignAction } from '@/lib/actions/assignment';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';

interface Person {
  id: string;
  name: string;
  roles: string[];
}

export function AssignmentForm({
  articleId,
  staff,
  current,
}: {
  articleId: string;
  staff: Person[];
  current: { factChecker: string | null; reviewer: string | null; dueDate: string | null };
}) {
  const [state, action, pending] = useActionState(assignAction, { status: 'idle' } as FormState);
  const values = state.values;
  return (
    <details className="assignment">
      <summary>Assignment</summary>
      <form action={action} className="filters" noValidate>
        <input type="hidden" name="articleId" value={articleId} />
        <label htmlFor="assign-checker">Fact-checker</label>
        <select
          id="assign-checker"
          name="factCheckerId"
          defaultValue={values?.factCheckerId ?? current.factChecker ?? ''}
        >
          <option value="">Nobody</option>
          {staff
            .filter((p) => p.roles.includes('EDITOR'))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
        <label htmlFor="assign-reviewer">Reviewer</label>
        <select id="assign-reviewer" name="reviewerId" defaultValue={values?.reviewerId ?? current.reviewer ?? ''}>
          <option value="">Any reviewer</option>
          {staff
            .filter((p) => p.roles.includes('REVIEWER'))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
        <label htmlFor="assign-due">Due</label>
        <input id="assign-due" name="dueDate" type="date" defaultValue={values?.dueDate ?? current.dueDate ?? ''} />
        <Button type="submit" variant="tool" disabled={pending}>
          Save assignment
        </Button>
        <FormMessage status={state.status} message={state.message} />
      </form>
    </details>
  );
}
