'use client';

import * as RadixToast from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Tone = 'success' | 'error';
interface ToastMessage {
  id: number;
  text: string;
  tone: Tone;
}

const ToastContext = createContext<((text: string, tone?: Tone) => void) | null>(null);

/** Hosts toasts for the page: short confirmations ("Settings saved") announced politely and dismissed after a few seconds (F8 reaches them). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const next = useRef(0);
  const show = useCallback(
    (text: string, tone: Tone = 'success') => setToasts((all) => [...all, { id: next.current++, text, tone }]),
    [],
  );
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider duration={5000} label="Notification">
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            className={`ui-toast ui-toast-${toast.tone}`}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) setToasts((all) => all.filter((t) => t.id !== toast.id));
            }}
          >
            <RadixToast.Description>{toast.text}</RadixToast.Description>
            <RadixToast.Close className="tool" aria-label="Dismiss">
              ×
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="ui-toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** Shows a toast; without a ToastProvider above it does nothing (the form's own message still says what happened). */
export function useToast(): (text: string, tone?: Tone) => void {
  return useContext(ToastContext) ?? noop;
}
const noop = () => undefined;

/** Toasts the message of each new form state whose status is "ok" (a server action's answer after a save). */
export function useToastOnSuccess(state: { status: string; message?: string }): void {
  const toast = useToast();
  useEffect(() => {
    if (state.status === 'ok' && state.message) toast(state.message);
  }, [state, toast]);
}
