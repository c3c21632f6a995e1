import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/dashboard';
  if (await getActor()) redirect(target);
  return (
    <>
      <h1>Sign in</h1>
      <p className="lead">For the newsroom’s staff. Readers need no account.</p>
      <SignInForm callbackUrl={target} />
    </>
  );
}
