'use client';

import * as RadixTabs from '@radix-ui/react-tabs';
import { useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

export interface TabItem {
  value: string;
  label: string;
  content: ReactNode;
  /** Where the tab leads without script: the tab is then a link to this address (e.g. `?tab=…`). */
  href?: string;
}

const noSubscription = () => () => {};

/** False on the server and while hydrating, true once React runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * Tabs with arrow-key movement between them (the WAI-ARIA tabs pattern); `label` names the tab list.
 * Controlled with `value`/`onValueChange`, or uncontrolled with `defaultValue`. `keepMounted` keeps every
 * panel in the page (hidden when not chosen) so what a user typed in one survives choosing another.
 */
export function Tabs({
  label,
  items,
  defaultValue,
  value,
  onValueChange,
  keepMounted = false,
}: {
  label: string;
  items: readonly TabItem[];
  defaultValue?: string;
  value?: string;
  onValueChange?: (value: string) => void;
  keepMounted?: boolean;
}) {
  const hydrated = useHydrated();
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? items[0]?.value ?? '');
  const current = value ?? uncontrolled;
  const choose = (next: string) => {
    setUncontrolled(next);
    onValueChange?.(next);
  };
  // Space on a link would scroll the page; it chooses the tab, as on a button (Radix skips keys already handled).
  const chooseOnSpace = (next: string) => (event: KeyboardEvent<HTMLAnchorElement>) => {
    if (event.key !== ' ' || event.target !== event.currentTarget) return;
    event.preventDefault();
    choose(next);
  };
  return (
    <RadixTabs.Root className="ui-tabs" value={current} onValueChange={choose}>
      <RadixTabs.List className="ui-tab-list" aria-label={label}>
        {items.map((item) =>
          item.href ? (
            <RadixTabs.Trigger key={item.value} value={item.value} className="ui-tab" asChild>
              <a
                href={item.href}
                // Radix gives a trigger type="button", meaningless on a link.
                type={undefined}
                // Before script runs every tab is a plain link, reachable with Tab; then Radix's roving focus takes over.
                {...(hydrated ? {} : { tabIndex: 0 })}
                onClick={followOnlyInNewTab}
                onKeyDown={chooseOnSpace(item.value)}
              >
                {item.label}
              </a>
            </RadixTabs.Trigger>
          ) : (
            <RadixTabs.Trigger key={item.value} value={item.value} className="ui-tab">
              {item.label}
            </RadixTabs.Trigger>
          ),
        )}
      </RadixTabs.List>
      {items.map((item) => (
        <RadixTabs.Content
          key={item.value}
          value={item.value}
          className="ui-tab-panel"
          forceMount={keepMounted || undefined}
          hidden={keepMounted ? item.value !== current : undefined}
        >
          {item.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}

/** With script, a plain click only switches the tab (Radix did on mouse down); a modified click still opens the link. */
function followOnlyInNewTab(event: MouseEvent<HTMLAnchorElement>) {
  if (event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey)
    event.preventDefault();
}
