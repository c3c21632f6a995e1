'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useRef, useState, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';

export interface DialogProps {
  /** The element that opens the dialog (a Button); without it, `open` says when it shows. */
  trigger?: ReactNode;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** An alert dialog (a confirmation): role alertdialog, and a click outside does not close it. */
  isAlert?: boolean;
  /** Where focus goes when it closes (the default is the trigger). */
  returnFocusTo?: () => HTMLElement | null;
}

/** A modal dialog: focus moves in and is kept there, Escape or the close button closes it, and focus goes back to the trigger. */
export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
  isAlert = false,
  returnFocusTo,
}: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger !== undefined && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-overlay" />
        <RadixDialog.Content
          className="ui-dialog"
          role={isAlert ? 'alertdialog' : 'dialog'}
          onPointerDownOutside={isAlert ? (event) => event.preventDefault() : undefined}
          onCloseAutoFocus={
            returnFocusTo
              ? (event) => {
                  const target = returnFocusTo();
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                }
              : undefined
          }
        >
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

/** What a confirmation asks: the question, what follows, and the confirm button's name (it names the action). */
export interface Confirmation {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
}

function ConfirmButtons({
  confirmLabel,
  confirmVariant = 'danger',
  onConfirm,
}: Pick<Confirmation, 'confirmLabel' | 'confirmVariant'> & { onConfirm?: () => void }) {
  return (
    <>
      <RadixDialog.Close asChild>
        <Button variant="secondary">Cancel</Button>
      </RadixDialog.Close>
      <Button type={onConfirm ? 'button' : 'submit'} variant={confirmVariant} onClick={onConfirm}>
        {confirmLabel}
      </Button>
    </>
  );
}

export interface ConfirmDialogProps extends Confirmation {
  trigger: ReactNode;
  /** The server action the confirmation submits, with `fields` as hidden inputs. */
  action: (form: FormData) => void | Promise<void>;
  fields?: Record<string, string>;
}

/**
 * A confirmation before a destructive or far-reaching action: an alert dialog whose confirm button submits a form to
 * the server action (so the action is the same with or without the dialog); Cancel and Escape do nothing and focus
 * goes back to the trigger. Cancel has focus first, so a stray Enter does not confirm.
 */
export function ConfirmDialog({ trigger, title, description, action, fields = {}, ...buttons }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const confirm = (form: FormData) => {
    setOpen(false);
    return action(form);
  };
  return (
    <Dialog trigger={trigger} title={title} description={description} open={open} onOpenChange={setOpen} isAlert>
      <form action={confirm} className="ui-dialog-actions">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <ConfirmButtons {...buttons} />
      </form>
    </Dialog>
  );
}

export interface ConfirmFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'action'> {
  action: (form: FormData) => void | Promise<void>;
  /** Whether this submission needs a confirmation first (null: it goes ahead), from the button pressed and the form. */
  confirmation: (submitter: HTMLElement | null, form: HTMLFormElement) => Confirmation | null;
}

/**
 * A form whose far-reaching submissions ask first: the form's own fields go with the confirmed submission, Enter in a
 * field asks too, and Cancel or Escape leave the form as it was with focus back on the button pressed.
 */
export function ConfirmForm({ action, confirmation, children, ...formProps }: ConfirmFormProps) {
  const [asking, setAsking] = useState<{
    confirmation: Confirmation;
    form: HTMLFormElement;
    submitter: HTMLElement | null;
  } | null>(null);
  const isConfirmed = useRef(false);
  const lastSubmitter = useRef<HTMLElement | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (isConfirmed.current) {
      isConfirmed.current = false;
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const asked = confirmation(submitter, event.currentTarget);
    if (!asked) return;
    event.preventDefault();
    // Focus goes back where it was: the button clicked, or the field where Enter was pressed.
    const focused = document.activeElement;
    lastSubmitter.current =
      focused instanceof HTMLElement && event.currentTarget.contains(focused) ? focused : (submitter ?? null);
    setAsking({ confirmation: asked, form: event.currentTarget, submitter });
  };
  const proceed = () => {
    if (!asking) return;
    setAsking(null);
    isConfirmed.current = true;
    asking.form.requestSubmit(asking.submitter);
  };
  return (
    <>
      <form action={action} onSubmit={onSubmit} {...formProps}>
        {children}
      </form>
      <Dialog
        title={asking?.confirmation.title ?? ''}
        description={asking?.confirmation.description}
        open={asking !== null}
        onOpenChange={(open) => {
          if (!open) setAsking(null);
        }}
        isAlert
        returnFocusTo={() => lastSubmitter.current}
      >
        <div className="ui-dialog-actions">
          {asking && (
            <ConfirmButtons
              confirmLabel={asking.confirmation.confirmLabel}
              confirmVariant={asking.confirmation.confirmVariant}
              onConfirm={proceed}
            />
          )}
        </div>
      </Dialog>
    </>
  );
}
