'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';

export type FieldErrors = Record<string, string>;

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** Loads one claim and sends changes to the API, turning problem+json into messages by field. */
export function useClaimDetail(claimId: string, onChanged: (claim: ClaimDetailDto) => void) {
  const [claim, setClaim] = useState<ClaimDetailDto | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void fetch(`/api/v1/claims/${claimId}`).then(async (r) => {
      if (!cancelled && r.ok) setClaim((await r.json()) as ClaimDetailDto);
    });
    return () => {
      cancelled = true;
    };
  }, [claimId]);

  const send = useCallback(
    async (method: string, path: string, body: unknown, success: string): Promise<boolean> => {
      setBusy(true);
      try {
        const response = await fetch(path, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) {
          const problem = (await response.json().catch(() => ({}))) as Problem;
          setErrors(Object.fromEntries((problem.errors ?? []).map((e) => [e.path.split('.')[0] ?? e.path, e.message])));
          setMessage({ kind: 'error', text: problem.detail ?? `Not saved (${response.status}).` });
          return false;
        }
        const updated =
          response.status === 204
            ? ((await (await fetch(`/api/v1/claims/${claimId}`)).json()) as ClaimDetailDto)
            : ((await response.json()) as ClaimDetailDto);
        const wasReviewed = claim?.status === 'IN_REVIEW' || claim?.status === 'APPROVED';
        setClaim(updated);
        setErrors({});
        setMessage({
          kind: 'ok',
          text:
            wasReviewed && updated.status === 'DRAFT'
              ? `${success} This changed what the reviewer saw, so the claim is back to draft: submit it again for review.`
              : success,
        });
        onChanged(updated);
        return true;
      } catch {
        setMessage({ kind: 'error', text: 'Offline: nothing was lost from the form; try again.' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [claim, claimId, onChanged],
  );

  return { claim, errors, message, busy, send };
}
