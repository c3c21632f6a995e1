'use client';

import { useCallback, useEffect, useState } from 'react';

/** The open claim is in the address (?claim=…): Back closes it, and a link can point at one claim. */
export function useOpenClaim(initialClaimId: string | null) {
  const [openId, setOpenId] = useState<string | null>(initialClaimId);
  const openClaim = useCallback((id: string | null) => {
    setOpenId(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('claim', id);
    else url.searchParams.delete('claim');
    if (url.href !== window.location.href) window.history.pushState(null, '', url);
  }, []);
  useEffect(() => {
    const follow = () => setOpenId(new URL(window.location.href).searchParams.get('claim'));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return [openId, openClaim] as const;
}
