import type { AnchorHTMLAttributes, ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'tool' | 'link';

const CLASS: Record<ButtonVariant, string> = {
  primary: '',
  secondary: 'secondary',
  danger: 'danger',
  tool: 'tool',
  link: 'link-button',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  ref?: Ref<HTMLButtonElement>;
}

/** The one button: primary (the default), secondary, danger, tool (toolbars, small actions) or link-like; a plain `<button>` underneath. */
export function Button({ variant = 'primary', className, type = 'button', ...props }: ButtonProps) {
  const classes = [CLASS[variant], className].filter(Boolean).join(' ');
  return <button type={type} className={classes || undefined} {...props} />;
}

export interface ButtonLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  variant?: ButtonVariant;
  /** Done in the page instead of following the link, on a plain click once the page's script runs. */
  onPlainClick?: () => void;
}

/**
 * An action that has an address, shaped as a button: a real link, so it works before the page's script has run and
 * opens in a new tab on a middle or modified click; a plain click does `onPlainClick` in the page instead.
 */
export function ButtonLink({ variant = 'primary', className, onPlainClick, onClick, ...props }: ButtonLinkProps) {
  const classes = ['as-button', CLASS[variant], className].filter(Boolean).join(' ');
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!onPlainClick || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onPlainClick();
  };
  return <a className={classes} onClick={click} {...props} />;
}
