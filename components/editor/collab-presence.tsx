'use client';

import type { Peer } from './use-collaboration';

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

/** People shown by initials in their colour and by name in words (the colour is never the only sign). */
export function PeopleNamed({ label, people }: { label: string; people: Peer[] }) {
  return (
    <p className="claim-viewers field-hint">
      {label}{' '}
      {people.map((p, i) => (
        <span key={p.clientId} className="claim-viewer">
          <span className="collab-avatar" style={{ backgroundColor: p.colour }} aria-hidden="true">
            {initials(p.name)}
          </span>{' '}
          {p.name}
          {i < people.length - 1 ? ', ' : ''}
        </span>
      ))}
    </p>
  );
}

/** Who is in the article right now (this person first), each in the colour of their caret. */
export function CollabPresence({
  peers,
  connected,
  stopped = null,
}: {
  peers: Peer[];
  connected: boolean;
  /** Why the connection stopped for good (see stop-when-refused.ts): said instead of a promise to reconnect. */
  stopped?: string | null;
}) {
  return (
    <div className="collab-presence">
      <span className="field-hint" role="status">
        {stopped
          ? `Not live: ${stopped}`
          : connected
            ? 'Live'
            : 'Reconnecting… your edits are kept and merged when the connection is back.'}
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
