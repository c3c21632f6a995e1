'use client';

import { articleTitle } from '@/lib/validation/articles';

/** Why a typed title cannot be saved, or null; an empty title keeps the stored one. */
export function titleProblem(value: string): string | null {
  if (value.trim() === '') return null;
  const checked = articleTitle.safeParse(value);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'This title cannot be saved.');
}

/** The article's title, edited in place; a title the server would refuse says so beside it. */
export function TitleField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const error = titleProblem(value);
  return (
    <>
      <label htmlFor="article-title" className="visually-hidden">
        Title
      </label>
      <input
        id="article-title"
        className="title-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'article-title-error' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field-error" id="article-title-error">
          Title: {error} The title is not saved until it fits; the text is saved.
        </p>
      )}
    </>
  );
}
