import type { OmittedItem } from './articles';

/** What a form's server action answers: a message, errors by field, and the values to put back. Client-safe: forms import it. */
export interface FormState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** An "ok" answer that is information rather than success ("already being refreshed"). */
  isNotice?: boolean;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** A secret or link to show once (new token, invitation). */
  secret?: string;
  /** An article was created, but its import left media out: shown before opening it. */
  imported?: { articleId: string; title: string; omitted: OmittedItem[] };
}
