'use client';

import * as RadixSelect from '@radix-ui/react-select';
import { Check, ChevronDown } from 'lucide-react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  id: string;
  label: string;
  name?: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  value?: string;
  onValueChange?: (value: string) => void;
}

/** A labelled select for choices a native `<select>` cannot style; with `name` it is sent with its form. Options need non-empty values. */
export function Select({ id, label, name, options, defaultValue, value, onValueChange }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <RadixSelect.Root name={name} defaultValue={defaultValue} value={value} onValueChange={onValueChange}>
        <RadixSelect.Trigger id={id} className="ui-select-trigger">
          <RadixSelect.Value />
          <RadixSelect.Icon>
            <ChevronDown aria-hidden="true" size={14} focusable="false" />
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content className="ui-menu" position="popper" sideOffset={4}>
            <RadixSelect.Viewport>
              {options.map((option) => (
                <RadixSelect.Item key={option.value} value={option.value} className="ui-menu-item">
                  <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                  <RadixSelect.ItemIndicator>
                    <Check aria-hidden="true" size={14} focusable="false" />
                  </RadixSelect.ItemIndicator>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
