'use client';

import { Keyboard } from 'lucide-react';
import { IconButton } from '@/components/ui/icon-button';
import { Popover } from '@/components/ui/popover';

export interface Shortcut {
  /** What the keys do. */
  action: string;
  /** The keys, as a person reads them ("Ctrl+Shift+C"). */
  keys: string;
}

/** Keys of the article workspace itself; the formatting tools add theirs (the same ones their tooltips show). */
export const WORKSPACE_SHORTCUTS: readonly Shortcut[] = [
  { action: 'Mark the selected words as a claim', keys: 'Ctrl+Shift+C' },
  { action: 'Next claim', keys: 'Alt+↓' },
  { action: 'Previous claim', keys: 'Alt+↑' },
  { action: 'Accept the suggested claim at the caret', keys: 'Alt+Enter' },
  { action: 'Back to all claims (from the claim panel)', keys: 'Escape' },
  { action: 'Undo', keys: 'Ctrl+Z' },
  { action: 'Redo', keys: 'Ctrl+Shift+Z' },
  { action: 'Smaller heading (level 4)', keys: 'Ctrl+Alt+4' },
];

/** Every key the workspace answers to, one button away: a popover the toolbar opens; Escape closes it. */
export function ShortcutsPopover({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <Popover label="Keyboard shortcuts" trigger={<IconButton label="Keyboard shortcuts" icon={Keyboard} />}>
      <h2 className="shortcuts-heading">Keyboard shortcuts</h2>
      <dl className="shortcuts">
        {shortcuts.map((s) => (
          <div key={s.action}>
            <dt>{s.action}</dt>
            <dd>
              <kbd>{s.keys}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </Popover>
  );
}
