'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleDto } from '@/lib/validation/articles';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'retrying' | 'offline' | 'conflict' | 'error';

export interface SavePayload {
  title?: string;
  content?: Record<string, unknown>;
  deleteClaims?: string[];
}

const DEBOUNCE_MS = 800;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
// Answers that mean "busy or briefly unreachable, nothing saved": retried on their own, like a lost connection.
export const TRANSIENT = new Set([502, 503, 504]);

/** The pause before retry number `attempt` (0-based): doubling from 1 s to 30 s, never shorter than Retry-After, with jitter so that editors do not return in step. */
export function retryDelay(attempt: number, retryAfter: string | null): number {
  const backoff = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
  const asked = Number(retryAfter) * 1000;
  const base = Number.isFinite(asked) && asked > 0 ? Math.min(RETRY_MAX_MS, Math.max(backoff, asked)) : backoff;
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Debounced saving with optimistic concurrency: every save carries the version it is based on; a 409
 * puts the editor in "conflict" and nothing local is dropped; a busy server (503) is "retrying" and a
 * network failure "offline", both retried on their own with growing pauses until the text is saved.
 * `isLive`: the text is saved by live collaboration; only the title comes through here.
 */
export function useAutosave(
  articleId: string,
  initialVersion: number,
  isLive: boolean,
  collect: () => SavePayload,
  onSaved: (a: ArticleDto) => void,
) {
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const version = useRef(initialVersion);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attempts = useRef(0);
  const stateRef = useRef<SaveState>('saved');
  const collectRef = useRef(collect);
  const onSavedRef = useRef(onSaved);
  const saveRef = useRef<(baseVersion?: number) => Promise<void>>(async () => {});
  useEffect(() => {
    collectRef.current = collect;
    onSavedRef.current = onSaved;
  });

  // Other tabs of this browser editing the same article say which versions they saved.
  const channel = useRef<BroadcastChannel | null>(null);
  const otherTabVersion = useRef(0);
  const messageRef = useRef<string | null>(null);
  const set = (s: SaveState, m: string | null = null) => {
    // Called on every keystroke: an unchanged state must not even schedule a render of the editor.
    if (stateRef.current === s && messageRef.current === m) return;
    stateRef.current = s;
    messageRef.current = m;
    setState(s);
    setMessage(m);
  };

  useEffect(() => {
    saveRef.current = async (baseVersion?: number): Promise<void> => {
      if (inFlight.current || (stateRef.current === 'conflict' && baseVersion === undefined)) return;
      inFlight.current = true;
      dirty.current = false;
      set('saving');
      try {
        const response = await fetch(`/api/v1/articles/${articleId}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ baseVersion: baseVersion ?? version.current, ...collectRef.current() }),
        });
        if (response.status === 409) {
          dirty.current = true;
          set(
            'conflict',
            otherTabVersion.current > version.current
              ? 'You saved this article in another tab meanwhile. Your text in this tab is kept here.'
              : 'Someone else saved this article meanwhile. Your text is kept here.',
          );
          return;
        }
        if (TRANSIENT.has(response.status)) {
          dirty.current = true;
          set('retrying', 'The server is busy: your text is kept here and saved as soon as it can be.');
          clearTimeout(timer.current);
          timer.current = setTimeout(
            () => void saveRef.current(),
            retryDelay(attempts.current++, response.headers.get('Retry-After')),
          );
          return;
        }
        if (!response.ok) {
          dirty.current = true;
          const problem = (await response.json().catch(() => null)) as {
            detail?: string;
            errors?: { path: string; message: string }[];
          } | null;
          const field = problem?.errors?.[0];
          const detail = field ? `${problem?.detail ?? 'Not saved.'} ${field.path}: ${field.message}` : problem?.detail;
          set('error', detail ?? `Saving failed (${response.status}). Your text is kept here.`);
          return;
        }
        const article = (await response.json()) as ArticleDto;
        version.current = article.version;
        channel.current?.postMessage({ version: article.version });
        attempts.current = 0;
        onSavedRef.current(article);
        set(dirty.current ? 'unsaved' : 'saved');
      } catch {
        dirty.current = true;
        set('offline', 'Offline: your changes are kept in this tab and saved when the connection is back.');
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void saveRef.current(), retryDelay(attempts.current++, null));
      } finally {
        inFlight.current = false;
      }
      if (dirty.current && stateRef.current === 'unsaved') {
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
      }
    };
  }, [articleId]);

  /** Call on every change; `immediately` for actions that should not wait (marking a claim). */
  const changed = useCallback((immediately = false) => {
    dirty.current = true;
    if (stateRef.current === 'conflict') return;
    // While retrying, the scheduled retry will carry this change too: typing must not hurry it.
    if (stateRef.current === 'retrying' || stateRef.current === 'offline') return;
    if (stateRef.current !== 'error') set('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), immediately ? 0 : DEBOUNCE_MS);
  }, []);

  /** Saves the local text over whatever the server has, on purpose (after a conflict). */
  const overwrite = useCallback(async () => {
    const response = await fetch(`/api/v1/articles/${articleId}`);
    if (!response.ok) return;
    const server = (await response.json()) as ArticleDto;
    set('unsaved');
    await saveRef.current(server.version);
  }, [articleId]);

  /** Adopts a server version as the new base (the local text is replaced by the caller). */
  const adopt = useCallback((serverVersion: number) => {
    version.current = serverVersion;
    dirty.current = false;
    set('saved');
  }, []);

  /** A newer version saved elsewhere (live collaboration's text): later saves build on it; the state stays. */
  const rebase = useCallback((serverVersion: number) => {
    version.current = Math.max(version.current, serverVersion);
  }, []);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(`factmark-article-${articleId}`);
    channel.current = bc;
    bc.onmessage = (event: MessageEvent<{ version?: unknown }>) => {
      const saved = event.data.version;
      if (typeof saved !== 'number' || saved <= version.current) return;
      // Live, every tab shows the same text: another tab's save (of the title) is only a newer version to build on.
      if (isLive) {
        version.current = saved;
        return;
      }
      otherTabVersion.current = Math.max(otherTabVersion.current, saved);
      // This tab now shows an older version than the server's: it must not go on saying "All changes saved".
      if (stateRef.current !== 'conflict')
        set(
          'conflict',
          `You saved this article in another tab (version ${saved}): this tab shows an older version. Your text in this tab is kept here.`,
        );
    };
    return () => {
      bc.close();
      channel.current = null;
    };
  }, [articleId, isLive]);

  useEffect(() => {
    const online = () => stateRef.current === 'offline' && void saveRef.current();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timer.current);
    };
  }, []);

  return { state, message, changed, overwrite, adopt, rebase, version };
}
