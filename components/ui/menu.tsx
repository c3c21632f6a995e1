'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown } from 'lucide-react';
import Link from 'next/link';

export interface MenuLink {
  href: string;
  label: string;
}

/** A menu button opening a list of links: arrow keys move, Enter opens, Escape closes and returns focus to the button. */
export function Menu({ label, items }: { label: string; items: readonly MenuLink[] }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="menu-trigger">
          {label}
          <ChevronDown aria-hidden="true" size={14} focusable="false" />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="ui-menu" align="start" sideOffset={4} loop>
          {items.map((item) => (
            <DropdownMenu.Item key={item.href} asChild className="ui-menu-item">
              <Link href={item.href}>{item.label}</Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
