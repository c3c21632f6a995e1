'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleDto, ClaimDto } from '@/lib/validation/articles';
import type { SaveState } from './use-autosave';
import { useCollaboration, type CollabUser, type Peer } from './use-collaboration';

interface AutosaveView {
  state: SaveState;
  message: string | null;
  rebase: (version: number) => void;
}

/**
 * The article edited live with others: claims fetched again when the server says they changed, the save status
 * this person sees (their own text in the database yet), and who has which claim open.
 */
export function useLiveArticle({
  article,
  collab,
  autosave,
  openId,
  setClaims,
  announce,
}: {
  article: ArticleDto;
  collab: CollabUser | null;
  autosave: AutosaveView;
  openId: string | null;
  setClaims: (claims: ClaimDto[]) => void;
  announce: (message: string) => void;
}) {
  const refreshClaims = useCallback(async () => {
    // The claims alone: the article's text (up to 2 MB) is already here, live.
    const response = await fetch(`/api/v1/articles/${article.id}/claims`);
    if (response.ok) setClaims(((await response.json()) as { items: ClaimDto[] }).items);
  }, [article.id, setClaims]);
  const [liveError, setLiveError] = useState<string | null>(null);
  const knownVersion = useRef(article.version);
  const { live, peers, connected, hasUnsaved, unsynced, showOpenClaim, stopped } = useCollaboration(
    article.id,
    collab,
    (message) => {
      if (message.type === 'error') {
        setLiveError(message.message);
        announce(message.message);
      } else if (message.type === 'saved') {
        setLiveError(null);
        autosave.rebase(message.version);
        if (message.version === knownVersion.current) return;
        knownVersion.current = message.version;
        void refreshClaims();
      } else void refreshClaims();
    },
  );
  // Live, the status says whether this person's own text is in the database yet; the title's save comes first.
  const saveStatus = ((): { state: SaveState; message: string | null } => {
    if (!collab || autosave.state !== 'saved') return { state: autosave.state, message: autosave.message };
    // Nothing to reconnect to (session ended, article deleted, access refused): said, not "saved when back".
    if (stopped) return { state: 'error', message: stopped };
    if (liveError && hasUnsaved) return { state: 'error', message: liveError };
    if (hasUnsaved && !connected)
      return {
        state: 'offline',
        message: 'Offline: your changes are kept in this tab and saved when the connection is back.',
      };
    return { state: hasUnsaved ? 'saving' : 'saved', message: null };
  })();
  useEffect(() => showOpenClaim(openId), [openId, showOpenClaim]);
  // Who else has which claim open: on its card in the list, and above its details.
  const viewers = useMemo(() => {
    const byClaim = new Map<string, Peer[]>();
    for (const peer of peers)
      if (!peer.isSelf && peer.claimId) byClaim.set(peer.claimId, [...(byClaim.get(peer.claimId) ?? []), peer]);
    return byClaim;
  }, [peers]);
  return { live, peers, connected, stopped, unsynced, saveStatus, viewers };
}
