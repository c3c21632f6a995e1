import type { ReactNode } from 'react';

/** What a list shows when it has nothing: one sentence, and optionally the way on (a link or a button). */
export function EmptyState({ children, action, role }: { children: ReactNode; action?: ReactNode; role?: 'status' }) {
  return (
    <div className="empty-state" role={role}>
      <p>{children}</p>
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
