'use client';

import type { Peer } from './use-collaboration';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

/** Who is in the article right now (this person first), each in the colour of their caret. */
export function CollabPresence({ peers, connected }: { peers: Peer[]; connected: boolean }) {
  return (
    <div className="collab-presence">
      <span className="field-hint" role="status">
        {connected ? 'Live' : 'Reconnecting… your edits are kept and merged when the connection is back.'}
      </span>
      <ul aria-label="People in this article">
        {peers.map((p) => (
          <li key={p.clientId} title={p.name}>
            <span className="collab-avatar" style={{ backgroundColor: p.colour }} aria-hidden="true">
              {initials(p.name)}
            </span>
            <span className="visually-hidden">{p.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
