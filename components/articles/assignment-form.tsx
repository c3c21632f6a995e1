'use client';

import { useActionState } from 'react';
import { assignAction } from '@/lib/actions/assignment';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Select } from '@/components/ui/select';

interface Person {
  id: string;
  name: string;
  roles: string[];
}

/** The staff who hold `role`, as choices. */
const peopleWith = (staff: readonly Person[], role: string) =>
  staff.filter((p) => p.roles.includes(role)).map((p) => ({ value: p.id, label: p.name }));

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
        <Select
          id="assign-checker"
          label="Fact-checker"
          name="factCheckerId"
          defaultValue={values?.factCheckerId ?? current.factChecker ?? ''}
          options={[{ value: '', label: 'Nobody' }, ...peopleWith(staff, 'EDITOR')]}
        />
        <Select
          id="assign-reviewer"
          label="Reviewer"
          name="reviewerId"
          defaultValue={values?.reviewerId ?? current.reviewer ?? ''}
          options={[{ value: '', label: 'Any reviewer' }, ...peopleWith(staff, 'REVIEWER')]}
        />
        <DateField id="assign-due" label="Due" name="dueDate" defaultValue={values?.dueDate ?? current.dueDate ?? ''} />
        <Button type="submit" variant="tool" disabled={pending}>
          Save assignment
        </Button>
        <FormMessage status={state.status} message={state.message} />
      </form>
    </details>
  );
}
