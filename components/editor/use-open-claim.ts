'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

let leaveGuard: (() => boolean) | null = null;

/**
 * The open claim's panel says whether it may be left (false when it holds typing it cannot save, after showing why):
 * another claim, closing it or the browser's Back then keep it open. Returns the function that removes the guard.
 */
export function guardOpenClaim(guard: () => boolean): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** The open claim is in the address (?claim=…): Back closes it, and a link can point at one claim. */
export function useOpenClaim(initialClaimId: string | null) {
  const [openId, setOpenId] = useState<string | null>(initialClaimId);
  const openRef = useRef(openId);
  useEffect(() => {
    openRef.current = openId;
  });
  const openClaim = useCallback((id: string | null) => {
    if (id !== openRef.current && leaveGuard && !leaveGuard()) return;
    setOpenId(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('claim', id);
    else url.searchParams.delete('claim');
    if (url.href !== window.location.href) window.history.pushState(null, '', url);
  }, []);
  useEffect(() => {
    const follow = () => {
      const id = new URL(window.location.href).searchParams.get('claim');
      if (id !== openRef.current && openRef.current && leaveGuard && !leaveGuard()) {
        // The panel stays: the address goes back to the claim it shows.
        const url = new URL(window.location.href);
        url.searchParams.set('claim', openRef.current);
        window.history.pushState(null, '', url);
        return;
      }
      setOpenId(id);
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return [openId, openClaim] as const;
}
