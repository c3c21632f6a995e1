'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';

export interface DialogProps {
  /** The element that opens the dialog (a Button). */
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** A modal dialog: focus moves in and is kept there, Escape or the close button closes it, and focus goes back to the trigger. */
export function Dialog({ trigger, title, description, children, open, onOpenChange }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-overlay" />
        <RadixDialog.Content className="ui-dialog">
          <RadixDialog.Title className="ui-dialog-title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="ui-dialog-description">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
          <RadixDialog.Close asChild>
            <button type="button" className="tool icon-button ui-dialog-close" aria-label="Close">
              <X aria-hidden="true" size={16} focusable="false" />
            </button>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export interface ConfirmDialogProps {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  /** The server action the confirmation submits, with `fields` as hidden inputs. */
  action: (form: FormData) => void | Promise<void>;
  fields?: Record<string, string>;
}

/**
 * A confirmation before a destructive or far-reaching action: the confirm button submits a form to the server
 * action (so the action is the same with or without the dialog); Cancel, Escape and the close button do nothing.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  confirmVariant = 'danger',
  action,
  fields = {},
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const confirm = (form: FormData) => {
    setOpen(false);
    return action(form);
  };
  return (
    <Dialog trigger={trigger} title={title} description={description} open={open} onOpenChange={setOpen}>
      <form action={confirm} className="ui-dialog-actions">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <RadixDialog.Close asChild>
          <Button variant="secondary">Cancel</Button>
        </RadixDialog.Close>
        <Button type="submit" variant={confirmVariant}>
          {confirmLabel}
        </Button>
      </form>
    </Dialog>
  );
}
