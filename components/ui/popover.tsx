'use client';

import * as RadixPopover from '@radix-ui/react-popover';
import type { ReactNode } from 'react';

/** Non-modal content anchored to its trigger (details, a short form); Escape or a click outside closes it and focus returns. */
export function Popover({ trigger, label, children }: { trigger: ReactNode; label: string; children: ReactNode }) {
  return (
    <RadixPopover.Root>
      <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content
          className="ui-popover"
          aria-label={label}
          sideOffset={4}
          align="start"
          collisionPadding={8}
        >
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
