'use client';

import { useEffect } from 'react';

/** Brings the claim named in the address into view once, as a link to it promises. */
export function ScrollToClaim({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
  }, [id]);
  return null;
}
