'use client';

import * as Tooltip from '@radix-ui/react-tooltip';
import type { LucideIcon } from 'lucide-react';
import type { ButtonProps } from './button';
import { Button } from './button';

export interface IconButtonProps extends Omit<ButtonProps, 'children'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: LucideIcon;
  /** A keyboard shortcut shown in the tooltip ("Ctrl+B"). */
  shortcut?: string;
}

/** A button showing only an icon: named by `label` (aria-label) and explained by a tooltip on hover and on keyboard focus. */
export function IconButton({ label, icon: Icon, shortcut, variant = 'tool', className, ...props }: IconButtonProps) {
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <Button
            variant={variant}
            aria-label={label}
            className={['icon-button', className].filter(Boolean).join(' ')}
            {...props}
          >
            <Icon aria-hidden="true" size={16} focusable="false" />
          </Button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="ui-tooltip" sideOffset={4}>
            {label}
            {shortcut && <kbd>{shortcut}</kbd>}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
