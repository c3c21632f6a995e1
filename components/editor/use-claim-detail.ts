'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';

export type FieldErrors = Record<string, string>;

export interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** A problem's field errors by top-level field ("sources.0.url" is shown at "sources"). */
export function fieldErrorsOf(problem: Problem | null): FieldErrors {
  return Object.fromEntries((problem?.errors ?? []).map((e) => [e.path.split('.')[0] ?? e.path, e.message]));
}

const isReviewed = (claim: ClaimDetailDto | null) => claim?.status === 'IN_REVIEW' || claim?.status === 'APPROVED';

/**
 * Loads one claim and sends changes to the API, turning problem+json into messages by field. Every request of the
 * panel goes through one queue (`run`), so each is sent with the claim's version as the previous one left it.
 */
export function useClaimDetail(claimId: string, onChanged: (claim: ClaimDetailDto) => void) {
  const [claim, setClaim] = useState<ClaimDetailDto | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The claim as the last answer left it, read when a request is sent (a render may not have happened since).
  const latest = useRef<ClaimDetailDto | null>(null);
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  });

  useEffect(() => {
    let cancelled = false;
    void fetch(`/api/v1/claims/${claimId}`).then(async (r) => {
      if (cancelled || !r.ok) return;
      latest.current = (await r.json()) as ClaimDetailDto;
      setClaim(latest.current);
    });
    return () => {
      cancelled = true;
    };
  }, [claimId]);

  /** Runs `task` after every request queued before it has been answered. */
  const run = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.current.then(task, task);
    tail.current = next.catch(() => undefined);
    return next;
  }, []);

  /**
   * Takes a claim the server answered with; returns the words to add when the change sent a claim under review or
   * approved back to draft (the reviewer's version is no longer the one they saw).
   */
  const adopt = useCallback((updated: ClaimDetailDto): string | null => {
    const wasReviewed = isReviewed(latest.current);
    latest.current = updated;
    setClaim(updated);
    onChangedRef.current(updated);
    return wasReviewed && updated.status === 'DRAFT'
      ? 'This changed what the reviewer saw, so the claim is back to draft: submit it again for review.'
      : null;
  }, []);

  const say = useCallback((kind: 'ok' | 'error', text: string) => setMessage({ kind, text }), []);

  const send = useCallback(
    (method: string, path: string, body: unknown, success: string): Promise<boolean> =>
      run(async () => {
        setBusy(true);
        try {
          const response = await fetch(path, {
            method,
            headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (!response.ok) {
            const problem = (await response.json().catch(() => ({}))) as Problem;
            setErrors(fieldErrorsOf(problem));
            setMessage({ kind: 'error', text: problem.detail ?? `Not saved (${response.status}).` });
            return false;
          }
          const updated =
            response.status === 204
              ? ((await (await fetch(`/api/v1/claims/${claimId}`)).json()) as ClaimDetailDto)
              : ((await response.json()) as ClaimDetailDto);
          const backToDraft = adopt(updated);
          setErrors({});
          setMessage({ kind: 'ok', text: backToDraft ? `${success} ${backToDraft}` : success });
          return true;
        } catch {
          setMessage({ kind: 'error', text: 'Offline: nothing was lost from the form; try again.' });
          return false;
        } finally {
          setBusy(false);
        }
      }),
    [adopt, claimId, run],
  );

  return { claim, latest, errors, message, busy, send, run, adopt, say };
}

export type ClaimDetail = ReturnType<typeof useClaimDetail>;
