'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { retryDelay, TRANSIENT, type SaveState } from './use-autosave';
import { fieldErrorsOf, type ClaimDetail, type FieldErrors, type Problem } from './use-claim-detail';

const DEBOUNCE_MS = 1000;
const KEEPALIVE_LIMIT = 60_000;

/** The claim's PATCH body without its base version: the panel's current values. */
export type ClaimChanges = Record<string, unknown>;

/**
 * The claim panel's fields saved as a draft while they are edited: a moment after typing stops, on blur, and before
 * anything that needs them saved (`flush`). One save at a time, through the panel's request queue, each carrying
 * the latest values and the claim's version as of its sending; a 409 stops saving ("conflict", nothing local is
 * dropped) until the person overwrites or takes the other version; a refused field keeps its text and shows why.
 */
export function useClaimAutosave(
  claimId: string,
  { latest, run, adopt, say }: Pick<ClaimDetail, 'latest' | 'run' | 'adopt' | 'say'>,
  collect: () => ClaimChanges,
  labelOf: (field: string) => string,
) {
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const stateRef = useRef<SaveState>('saved');
  const messageRef = useRef<string | null>(null);
  // Edits made, and how many of them the server has: dirty while they differ.
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queued = useRef<Promise<void> | null>(null);
  const attempts = useRef(0);
  const collectRef = useRef(collect);
  const labelOfRef = useRef(labelOf);
  const saveRef = useRef<(baseVersion?: number) => Promise<void>>(async () => {});
  useEffect(() => {
    collectRef.current = collect;
    labelOfRef.current = labelOf;
  });
  const isDirty = () => edits.current !== savedEdits.current;
  const set = (s: SaveState, m: string | null = null) => {
    if (stateRef.current === s && messageRef.current === m) return;
    stateRef.current = s;
    messageRef.current = m;
    setState(s);
    setMessage(m);
  };

  /** Sends the panel's values now, after whatever is in flight (one save queued at most: it sends the latest). */
  const request = useCallback(
    (baseVersion?: number): Promise<void> => {
      clearTimeout(timer.current);
      if (queued.current && baseVersion === undefined) return queued.current;
      const next = run(async () => {
        queued.current = null;
        await saveRef.current(baseVersion);
      });
      queued.current = next;
      return next;
    },
    [run],
  );
  const schedule = useCallback(
    (ms: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void request(), ms);
    },
    [request],
  );

  /** Adopts a saved claim the server answered with, for the edits counted when it was sent. */
  const saved = useCallback(
    (claim: ClaimDetailDto, sent: number) => {
      const backToDraft = adopt(claim);
      savedEdits.current = Math.max(savedEdits.current, sent);
      attempts.current = 0;
      setErrors({});
      if (backToDraft) say('ok', `Saved. ${backToDraft}`);
    },
    [adopt, say],
  );

  useEffect(() => {
    saveRef.current = async (baseVersion?: number) => {
      const claim = latest.current;
      if (!claim || !isDirty() || (stateRef.current === 'conflict' && baseVersion === undefined)) return;
      const sent = edits.current;
      const based = baseVersion ?? claim.version;
      set('saving');
      try {
        const body = JSON.stringify({ baseVersion: based, ...collectRef.current() });
        // A save under way when the page is left still arrives (keepalive carries at most 64 KB).
        const response = await fetch(`/api/v1/claims/${claimId}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body,
          keepalive: body.length < KEEPALIVE_LIMIT,
        });
        if (response.ok) {
          saved((await response.json()) as ClaimDetailDto, sent);
          set(isDirty() ? 'unsaved' : 'saved');
          if (isDirty()) schedule(DEBOUNCE_MS);
          return;
        }
        if (TRANSIENT.has(response.status)) {
          set('retrying', 'The server is busy: your changes are kept here and saved as soon as it can.');
          schedule(retryDelay(attempts.current++, response.headers.get('Retry-After')));
          return;
        }
        const problem = (await response.json().catch(() => null)) as Problem | null;
        if (response.status === 409) {
          set(
            'conflict',
            `${problem?.detail ?? 'Someone else changed this claim meanwhile.'} Your changes are based on version ${based} and are kept here.`,
          );
          return;
        }
        setErrors(fieldErrorsOf(problem));
        const field = problem?.errors?.[0];
        const fieldName = field?.path.split('.')[0];
        set(
          'error',
          field && fieldName
            ? `${labelOfRef.current(fieldName)}: ${field.message}`
            : (problem?.detail ?? `the server answered ${response.status}. Your changes are kept here.`),
        );
      } catch {
        set('offline', 'Offline: your changes are kept here and saved when the connection is back.');
        schedule(retryDelay(attempts.current++, null));
      }
    };
  });

  /** Call on every change of a field: saved a moment after the typing stops. */
  const changed = useCallback(() => {
    edits.current += 1;
    // A conflict waits for the person's choice; a retry already scheduled carries this change too.
    if (stateRef.current === 'conflict' || stateRef.current === 'retrying' || stateRef.current === 'offline') return;
    if (stateRef.current !== 'error') set('unsaved');
    schedule(DEBOUNCE_MS);
  }, [schedule]);

  /** Saves now what is not saved yet (a field was left). */
  const saveNow = useCallback(() => {
    if (isDirty() && stateRef.current !== 'conflict') void request();
  }, [request]);

  /** Saves everything typed so far and waits for it: true when the server has it all. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (stateRef.current === 'conflict') return false;
    await (isDirty() ? request() : run(async () => {}));
    // What was typed while that save was under way goes too; a refusal or a lost connection ends the wait.
    for (let i = 0; i < 3 && isDirty() && stateRef.current === 'unsaved'; i++) await request();
    return !isDirty() && stateRef.current === 'saved';
  }, [run, request]);

  const current = useCallback(async (): Promise<ClaimDetailDto | null> => {
    const response = await fetch(`/api/v1/claims/${claimId}`);
    return response.ok ? ((await response.json()) as ClaimDetailDto) : null;
  }, [claimId]);

  /** After a conflict: saves this panel's values over the other version, on purpose. */
  const overwrite = useCallback(async () => {
    const server = await current();
    if (!server) return;
    adopt(server);
    set('unsaved');
    await request(server.version);
  }, [adopt, current, request]);

  /** After a conflict: takes the other version (the caller shows its values), dropping this panel's changes. */
  const discard = useCallback(async (): Promise<ClaimDetailDto | null> => {
    const server = await current();
    if (!server) return null;
    adopt(server);
    savedEdits.current = edits.current;
    setErrors({});
    set('saved');
    return server;
  }, [adopt, current]);

  // Leaving the panel (Back, another claim) sends what is not saved yet, after the save in flight; leaving the page
  // (a reload, a link, closing the tab), where nothing can wait, sends it at once. Both outlive the page (keepalive).
  useEffect(() => {
    const leave = (now: boolean) => {
      clearTimeout(timer.current);
      if (!isDirty() || stateRef.current === 'conflict') return;
      const send = async () => {
        const claim = latest.current;
        if (!claim || !isDirty()) return;
        const sent = edits.current;
        const body = JSON.stringify({ baseVersion: claim.version, ...collectRef.current() });
        const response = await fetch(`/api/v1/claims/${claimId}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body,
          keepalive: body.length < KEEPALIVE_LIMIT,
        });
        if (response.ok) saved((await response.json()) as ClaimDetailDto, sent);
      };
      void (now ? send() : run(send)).catch(() => undefined);
    };
    const onHide = () => leave(true);
    const onOnline = () => stateRef.current === 'offline' && void request();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('online', onOnline);
      leave(false);
    };
  }, [claimId, latest, request, run, saved]);

  return { state, message, errors, changed, saveNow, flush, overwrite, discard };
}
