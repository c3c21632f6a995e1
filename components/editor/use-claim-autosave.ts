'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { retryDelay, TRANSIENT, type SaveState } from './use-autosave';
import { fieldErrorsOf, type ClaimDetail, type FieldErrors, type Problem } from './use-claim-detail';

const DEBOUNCE_MS = 1000;
// Browsers refuse a keepalive request whose body passes 64 KiB, counted in bytes.
const KEEPALIVE_LIMIT = 60_000;

/** The claim's PATCH body without its base version: the values of the fields named. */
export type ClaimChanges = Record<string, unknown>;

/** A save refused because someone else saved the claim meanwhile: the version these edits began on, and theirs. */
export interface ClaimConflictVersions {
  base: ClaimDetailDto;
  theirs: ClaimDetailDto | null;
}

/** Whether `body` may go with `keepalive` (it outlives the page): its UTF-8 size, not its length in characters. */
export function fitsKeepalive(body: string): boolean {
  return new TextEncoder().encode(body).byteLength < KEEPALIVE_LIMIT;
}

/** Sends the claim's changed fields; a save under way when the page is left still arrives (keepalive, up to 64 KiB). */
function patchClaim(claimId: string, body: string): Promise<Response> {
  return fetch(`/api/v1/claims/${claimId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body,
    keepalive: fitsKeepalive(body),
  });
}

const isReviewed = (claim: ClaimDetailDto | null) => claim?.status === 'IN_REVIEW' || claim?.status === 'APPROVED';

/** States in which what is typed cannot be saved without the person: leaving would lose it. */
const STUCK = new Set<SaveState>(['conflict', 'error', 'offline', 'retrying']);
const HELD = 'Editing sends this claim back to draft: choose Keep editing or Cancel.';

/**
 * The claim panel's fields saved as a draft while they are edited: a moment after typing stops, on blur, and before
 * anything that needs them saved (`flush`). Only the fields this person changed since the last save are sent, so a
 * save (or an overwrite after a conflict) never resets what someone else wrote in the others. One save at a time,
 * through the panel's request queue, each on the claim's version as of its sending; a 409 stops saving ("conflict",
 * nothing local is dropped) until the person overwrites or takes the other version; a refused field keeps its text.
 * A claim in review or approved is not saved until the person confirms that editing sends it back to draft.
 */
export function useClaimAutosave(
  claimId: string,
  { latest, run, adopt, say }: Pick<ClaimDetail, 'latest' | 'run' | 'adopt' | 'say'>,
  collect: (fields: string[]) => ClaimChanges,
  labelOf: (field: string) => string,
) {
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<ClaimConflictVersions | null>(null);
  const [mustConfirm, setMustConfirm] = useState(false);
  const stateRef = useRef<SaveState>('saved');
  const messageRef = useRef<string | null>(null);
  // Each field changed and not yet saved, with the number of the last edit to it.
  const pending = useRef(new Map<string, number>());
  const edits = useRef(0);
  // The save under way: its base version and the edits it carries (a page left meanwhile must not race it).
  const inFlight = useRef<{ based: number } | null>(null);
  const confirmed = useRef(false);
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
  const isDirty = () => pending.current.size > 0;
  // The detail's `latest` is one ref for the panel's life.
  const claimRef = useRef(latest);
  const isHeld = () => isReviewed(claimRef.current.current) && !confirmed.current;
  const bodyOf = (baseVersion: number) =>
    JSON.stringify({ baseVersion, ...collectRef.current([...pending.current.keys()]) });
  const set = (s: SaveState, m: string | null = null) => {
    if (stateRef.current === s && messageRef.current === m) return;
    stateRef.current = s;
    messageRef.current = m;
    setState(s);
    setMessage(m);
  };

  /** Sends the changed fields now, after whatever is in flight (one save queued at most: it sends the latest). */
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

  /** Adopts a saved claim the server answered with; the fields not edited since edit number `sent` are saved. */
  const saved = useCallback(
    (claim: ClaimDetailDto, sent: number) => {
      const backToDraft = adopt(claim);
      for (const [field, edit] of pending.current) if (edit <= sent) pending.current.delete(field);
      attempts.current = 0;
      confirmed.current = false;
      setErrors({});
      if (backToDraft) say('ok', `Saved. ${backToDraft}`);
    },
    [adopt, say],
  );

  const current = useCallback(async (): Promise<ClaimDetailDto | null> => {
    const response = await fetch(`/api/v1/claims/${claimId}`);
    return response.ok ? ((await response.json()) as ClaimDetailDto) : null;
  }, [claimId]);

  useEffect(() => {
    saveRef.current = async (baseVersion?: number) => {
      const claim = latest.current;
      if (!claim || !isDirty() || isHeld() || (stateRef.current === 'conflict' && baseVersion === undefined)) return;
      const sent = edits.current;
      const based = baseVersion ?? claim.version;
      set('saving');
      inFlight.current = { based };
      try {
        const response = await patchClaim(claimId, bodyOf(based));
        if (response.ok) {
          saved((await response.json()) as ClaimDetailDto, sent);
          setConflict(null);
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
          // Their version is read first, so the notice names their value beside each field both changed at once.
          setConflict({ base: claim, theirs: await current().catch(() => null) });
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
      } finally {
        inFlight.current = null;
      }
    };
  });

  /** Call on every change of a field: saved a moment after the typing stops. */
  const changed = useCallback(
    (field: string) => {
      pending.current.set(field, ++edits.current);
      // A claim in review or approved waits for the person to confirm it goes back to draft.
      if (isHeld()) {
        setMustConfirm(true);
        set('unsaved', HELD);
        return;
      }
      // A conflict waits for the person's choice; a retry already scheduled carries this change too.
      if (stateRef.current === 'conflict' || stateRef.current === 'retrying' || stateRef.current === 'offline') return;
      if (stateRef.current !== 'error') set('unsaved');
      schedule(DEBOUNCE_MS);
    },
    [schedule],
  );

  /** Saves now what is not saved yet (a field was left). */
  const saveNow = useCallback(() => {
    if (isDirty() && stateRef.current !== 'conflict' && !isHeld()) void request();
  }, [request]);

  /** Saves everything typed so far and waits for it: true when the server has it all. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (isDirty() && isHeld()) set('unsaved', HELD);
    if (stateRef.current === 'conflict' || (isDirty() && isHeld())) return false;
    await (isDirty() ? request() : run(async () => {}));
    // What was typed while that save was under way goes too; a refusal or a lost connection ends the wait.
    for (let i = 0; i < 3 && isDirty() && stateRef.current === 'unsaved'; i++) await request();
    return !isDirty() && stateRef.current === 'saved';
  }, [run, request]);

  /** True when the panel holds typing it cannot save now (leaving would lose it): a conflict, a refusal, offline. */
  const isStuck = useCallback(() => isDirty() && (STUCK.has(stateRef.current) || isHeld()), []);

  /** A claim in review or approved: the person agrees that editing sends it back to draft, and it is saved. */
  const confirmDraft = useCallback(() => {
    confirmed.current = true;
    setMustConfirm(false);
    void request();
  }, [request]);

  /** A claim in review or approved: the edits are dropped (the caller shows the claim's values again). */
  const cancelDraft = useCallback(() => {
    clearTimeout(timer.current);
    pending.current.clear();
    setMustConfirm(false);
    setErrors({});
    set('saved');
  }, []);

  /** After a conflict: saves this person's changed fields over the other version, on purpose (theirs stay in the rest). */
  const overwrite = useCallback(async (): Promise<ClaimDetailDto | null> => {
    const server = await current();
    if (!server) return null;
    adopt(server);
    setConflict(null);
    set('unsaved');
    await request(server.version);
    return server;
  }, [adopt, current, request]);

  /** After a conflict: takes the other version (the caller shows its values), dropping this panel's changes. */
  const discard = useCallback(async (): Promise<ClaimDetailDto | null> => {
    const server = await current();
    if (!server) return null;
    adopt(server);
    pending.current.clear();
    setErrors({});
    setConflict(null);
    set('saved');
    return server;
  }, [adopt, current]);

  // Leaving the panel (Back, another claim) sends what is not saved yet, after the save in flight; leaving the page
  // (a reload, a link, closing the tab), where nothing can wait, sends it at once. Both outlive the page (keepalive).
  // Typing that cannot be saved (a conflict, a refusal, offline, a reviewed claim not yet confirmed) asks first.
  useEffect(() => {
    const send = async (baseVersion: number) => {
      const sent = edits.current;
      const response = await patchClaim(claimId, bodyOf(baseVersion));
      if (response.ok) saved((await response.json()) as ClaimDetailDto, sent);
    };
    const leave = (now: boolean) => {
      clearTimeout(timer.current);
      if (!isDirty() || stateRef.current === 'conflict' || isHeld()) return;
      if (!now) {
        void run(async () => latest.current && isDirty() && (await send(latest.current.version))).catch(
          () => undefined,
        );
        return;
      }
      const claim = latest.current;
      if (!claim) return;
      // A save under way is answered after the page is gone: every unsaved field goes both on its base version
      // (if it had changed nothing, or arrives after this) and on the version it will make (if it lands first).
      // The server takes whichever matches and refuses the other (409), so neither overwrites the other.
      const bases = inFlight.current ? [inFlight.current.based, inFlight.current.based + 1] : [claim.version];
      for (const based of bases) void send(based).catch(() => undefined);
    };
    const onHide = () => leave(true);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isStuck()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const onOnline = () => stateRef.current === 'offline' && void request();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('online', onOnline);
      leave(false);
    };
  }, [claimId, latest, request, run, saved, isStuck]);

  /** The fields changed and not saved yet. */
  const pendingFields = useCallback(() => [...pending.current.keys()], []);

  return {
    pendingFields,
    state,
    message,
    errors,
    conflict,
    mustConfirm,
    changed,
    saveNow,
    flush,
    isStuck,
    confirmDraft,
    cancelDraft,
    overwrite,
    discard,
  };
}
