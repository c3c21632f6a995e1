import type { ButtonHTMLAttributes, Ref } from 'react';

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
