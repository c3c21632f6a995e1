'use client';

import { Button } from '@/components/ui/button';
import type { DiffPart } from '@/lib/publishing/text-diff';

/** A save refused because the server has a newer version: show it (differences marked), or overwrite it. */
export function ConflictNotice({
  message,
  onShowServer,
  onOverwrite,
}: {
  message: string | null;
  onShowServer: () => void;
  onOverwrite: () => void;
}) {
  return (
    <div className="conflict" role="alert">
      <p>{message}</p>
      <div className="step-buttons">
        <Button variant="secondary" onClick={onShowServer}>
          Show the server version
        </Button>
        <Button variant="danger" onClick={onOverwrite}>
          Overwrite with my version
        </Button>
      </div>
    </div>
  );
}

/** The server's text beside this tab's: what only one of them has is marked. */
export function ServerCopy({
  version,
  diff,
  onUse,
  onClose,
}: {
  version: number;
  diff: DiffPart[];
  onUse: () => void;
  onClose: () => void;
}) {
  return (
    <section className="server-copy" aria-labelledby="server-copy-heading">
      <h2 id="server-copy-heading">Server version {version}</h2>
      <p className="field-hint diff">
        Differences from your text: <ins>only in the server version</ins>, <del>only in yours</del>.
      </p>
      <div className="server-copy-text diff">
        {diff.map((part, i) =>
          part.added ? (
            <ins key={i}>{part.value}</ins>
          ) : part.removed ? (
            <del key={i}>{part.value}</del>
          ) : (
            <span key={i}>{part.value}</span>
          ),
        )}
      </div>
      <div className="step-buttons">
        <Button variant="danger" onClick={onUse}>
          Use the server version (discard mine)
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}
