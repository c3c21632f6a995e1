'use client';

import * as RadixToast from '@radix-ui/react-toast';
import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'success' | 'info' | 'error';
interface ToastMessage {
  id: number;
  text: string;
  tone: ToastTone;
}

const ToastContext = createContext<((text: string, tone?: ToastTone) => void) | null>(null);

// The word before the message says what kind it is without colour (the icon is hidden from assistive technology).
const KIND: Record<ToastTone, { word: string; Icon: typeof Info }> = {
  success: { word: 'Done', Icon: CircleCheck },
  info: { word: 'Note', Icon: Info },
  error: { word: 'Error', Icon: CircleAlert },
};

/**
 * Hosts toasts for the page: what an action did ("Published version 3."), as a polite status that stays 8 seconds,
 * longer while hovered or focused; F8 moves focus to them and each has a Dismiss button (Escape dismisses too).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const next = useRef(0);
  const show = useCallback(
    (text: string, tone: ToastTone = 'success') => setToasts((all) => [...all, { id: next.current++, text, tone }]),
    [],
  );
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider duration={8000} label="Notification">
        {children}
        {toasts.map((toast) => {
          const { word, Icon } = KIND[toast.tone];
          return (
            <RadixToast.Root
              key={toast.id}
              className={`ui-toast ui-toast-${toast.tone}`}
              // The toast itself is the live region; Radix's own announcer would repeat its text in a second status.
              role="status"
              aria-live="polite"
              aria-atomic="true"
              type="background"
              onOpenChange={(open) => {
                if (!open) setToasts((all) => all.filter((t) => t.id !== toast.id));
              }}
            >
              <RadixToast.Description className="ui-toast-text" data-radix-toast-announce-exclude="">
                <Icon aria-hidden="true" size={18} focusable="false" className="ui-toast-icon" />
                <span>
                  <strong>{word}:</strong> {toast.text}
                </span>
              </RadixToast.Description>
              <RadixToast.Close className="tool icon-button" aria-label="Dismiss notification">
                <X aria-hidden="true" size={16} focusable="false" />
              </RadixToast.Close>
            </RadixToast.Root>
          );
        })}
        <RadixToast.Viewport className="ui-toast-viewport" label="Notifications ({hotkey})" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** Shows a toast; without a ToastProvider above it does nothing (the form's own message still says what happened). */
export function useToast(): (text: string, tone?: ToastTone) => void {
  return useContext(ToastContext) ?? noop;
}
const noop = () => undefined;

type Answer = { status: string; message?: string; isNotice?: boolean };

/**
 * The server action, toasting its "ok" message as soon as it answers: the toast shows even when the answer removes
 * the form that sent it (a feed removed, a fact-check retracted), which an effect on the form's state would miss.
 */
export function useToastingAction<S extends Answer, P>(
  action: (previous: S, payload: P) => Promise<S>,
): (previous: S, payload: P) => Promise<S> {
  const toast = useToast();
  return useCallback(
    async (previous: S, payload: P) => {
      const answer = await action(previous, payload);
      if (answer.status === 'ok' && answer.message) toast(answer.message, answer.isNotice ? 'info' : 'success');
      return answer;
    },
    [action, toast],
  );
}
