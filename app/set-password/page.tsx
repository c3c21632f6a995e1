import type { Metadata } from 'next';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { findPasswordLink } from '@/lib/data/users/find-password-link';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function SetPasswordPage({ searchParams }: Props) {
  const { token = '' } = await searchParams;
  const link = token ? await findPasswordLink(token) : null;
  if (!link) {
    return (
      <>
        <h1>This link does not work</h1>
        <p>It has expired or was already used. Ask an admin for a new one.</p>
      </>
    );
  }
  return (
    <>
      <h1>Set your password</h1>
      <p>For {link.email}.</p>
      <SetPasswordForm token={token} />
    </>
  );
}
