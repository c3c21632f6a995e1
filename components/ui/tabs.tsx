'use client';

import * as RadixTabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';

export interface TabItem {
  value: string;
  label: string;
  content: ReactNode;
}

/** Tabs with arrow-key movement between them (the WAI-ARIA tabs pattern); `label` names the tab list. */
export function Tabs({
  label,
  items,
  defaultValue,
}: {
  label: string;
  items: readonly TabItem[];
  defaultValue?: string;
}) {
  return (
    <RadixTabs.Root className="ui-tabs" defaultValue={defaultValue ?? items[0]?.value}>
      <RadixTabs.List className="ui-tab-list" aria-label={label}>
        {items.map((item) => (
          <RadixTabs.Trigger key={item.value} value={item.value} className="ui-tab">
            {item.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {items.map((item) => (
        <RadixTabs.Content key={item.value} value={item.value} className="ui-tab-panel">
          {item.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
