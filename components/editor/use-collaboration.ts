'use client';

import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { COLLAB_PATH, parseCollabMessage, type CollabMessage } from '@/lib/collab/messages';
import { stopWhenRefused } from '@/lib/collab/stop-when-refused';
import { colourFor, safeColour } from '@/lib/editor/collab-extensions';

export interface CollabUser {
  id: string;
  name: string;
}
export interface Peer {
  clientId: number;
  name: string;
  colour: string;
  /** The claim this person has open (its details panel), if any. */
  claimId: string | null;
  isSelf: boolean;
}
/**
 * A count that changes with every keystroke (updates sent, not yet acknowledged), for the one element that shows it:
 * set as state, it re-rendered the editor, and any React commit while the article has the focus walks its whole text
 * to save and restore the selection.
 */
export interface LiveCount {
  get: () => number;
  subscribe: (listener: () => void) => () => void;
}
export interface LiveDocument {
  document: Y.Doc;
  provider: HocuspocusProvider;
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function liveCount(): LiveCount & { set: (value: number) => void } {
  let value = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (next) => {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
  };
}

const samePeers = (a: Peer[], b: Peer[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i];
    return (
      q !== undefined &&
      p.clientId === q.clientId &&
      p.name === q.name &&
      p.colour === q.colour &&
      p.claimId === q.claimId &&
      p.isSelf === q.isSelf
    );
  });

/**
 * The article's shared document over the /collab WebSocket of this origin (the session cookie authenticates it).
 * `live` is set once the first sync is done, so the editor starts from the server's text; the provider then
 * reconnects by itself and merges what was typed offline. `peers` are the people in the article, this one first.
 * `hasUnsaved`: this person's own edits are not all in the database yet (the server's "saved" snapshot lacks some).
 * `stopped`: why the provider stopped reconnecting (session ended, article deleted, access refused: see
 * stop-when-refused.ts), also sent to `onMessage` as an error; null while it is live or reconnecting.
 */
export function useCollaboration(
  articleId: string,
  user: CollabUser | null,
  onMessage: (message: CollabMessage) => void,
) {
  const [live, setLive] = useState<LiveDocument | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [connected, setConnected] = useState(false);
  const [hasUnsaved, setHasUnsaved] = useState(false);
  const [stopped, setStopped] = useState<string | null>(null);
  // Updates sent that the server has not yet acknowledged (0: the server holds all of this person's edits).
  const [unsynced] = useState(liveCount);
  const onMessageRef = useRef(onMessage);
  useEffect(() => {
    onMessageRef.current = onMessage;
  });

  // The claim open here, in this person's presence: the others see who has which claim open.
  const openClaimId = useRef<string | null>(null);
  const providerRef = useRef<HocuspocusProvider | null>(null);
  const showOpenClaim = useCallback((claimId: string | null) => {
    openClaimId.current = claimId;
    providerRef.current?.setAwarenessField('claim', claimId);
  }, []);

  const userId = user?.id;
  const userName = user?.name;
  useEffect(() => {
    if (!userId || userName === undefined) return;
    const document = new Y.Doc();
    // This person's own updates not yet in a saved snapshot; what the provider applies came from the server.
    let unsaved: Uint8Array[] = [];
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin instanceof HocuspocusProvider) return;
      unsaved.push(update);
      if (unsaved.length === 1) setHasUnsaved(true);
    });
    const adoptSaved = (snapshot: string) => {
      if (unsaved.length === 0) return;
      if (!Y.snapshotContainsUpdate(Y.decodeSnapshot(fromBase64(snapshot)), Y.mergeUpdates(unsaved))) return;
      unsaved = [];
      setHasUnsaved(false);
    };
    let shownPeers: Peer[] = [];
    // Set while the socket this page closed because the browser went offline has not been opened again.
    let closedOffline = false;
    let hasStopped = false;
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${COLLAB_PATH}`;
    const provider = new HocuspocusProvider({
      url,
      name: articleId,
      document,
      // The server reads the session cookie; the provider needs a token to send for its authentication step.
      token: 'session-cookie',
      onSynced: ({ state }) => {
        if (state) setLive((current) => current ?? { document, provider });
      },
      onStatus: ({ status }) => {
        setConnected(status === 'connected');
        // Closing a socket while offline can take a while: when its close lands after the browser is back online
        // (the reconnect then found it still open and did nothing), it is reconnected now.
        if (status === 'disconnected' && closedOffline && navigator.onLine && !hasStopped) reconnect();
      },
      onUnsyncedChanges: ({ number }) => unsynced.set(number),
      onStateless: ({ payload }) => {
        const message = parseCollabMessage(payload);
        if (message?.type === 'saved') adoptSaved(message.snapshot);
        if (message) onMessageRef.current(message);
      },
      onAwarenessChange: ({ states }) => {
        const own = provider.awareness?.clientID;
        const list = states.flatMap((s) => {
          const { user: person, claim } = s as { user?: { name?: unknown; color?: unknown }; claim?: unknown };
          const claimId = typeof claim === 'string' && claim.length <= 64 ? claim : null;
          return person && typeof person.name === 'string'
            ? [
                {
                  clientId: s.clientId,
                  name: person.name.slice(0, 60),
                  colour: safeColour(person.color),
                  claimId,
                  isSelf: s.clientId === own,
                },
              ]
            : [];
        });
        list.sort((a, b) => Number(b.clientId === own) - Number(a.clientId === own) || a.name.localeCompare(b.name));
        // A caret moving (every keystroke) changes awareness but nobody in the list: not even a render is scheduled.
        if (samePeers(shownPeers, list)) return;
        shownPeers = list;
        setPeers(list);
      },
    });
    const stopWatching = stopWhenRefused(provider, (message) => {
      hasStopped = true;
      setStopped(message);
      setConnected(false);
      onMessageRef.current({ type: 'error', message });
    });
    provider.setAwarenessField('user', { name: userName, color: colourFor(userId) });
    provider.setAwarenessField('claim', openClaimId.current);
    providerRef.current = provider;
    // The browser knows first that the network went: the socket closes at once (edits stay in the document and
    // merge when it is back) instead of waiting for the provider's 30 s silence check; back online, it reconnects now.
    function reconnect() {
      closedOffline = false;
      void provider.connect();
    }
    // The screen says so at once, not when the socket's close is done.
    const goOffline = () => {
      closedOffline = true;
      setConnected(false);
      provider.disconnect();
    };
    const goOnline = () => {
      if (hasStopped || provider.configuration.websocketProvider.status === WebSocketStatus.Connected) return;
      reconnect();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      providerRef.current = null;
      closedOffline = false;
      stopWatching();
      provider.destroy();
      document.destroy();
      setLive(null);
      setHasUnsaved(false);
      setStopped(null);
    };
  }, [articleId, userId, userName, unsynced]);

  return { live, peers, connected, hasUnsaved, unsynced, showOpenClaim, stopped };
}
