import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { getActor } from '@/lib/data/sessions/get-actor';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  // Only a path of this site: an open redirect after sign-in would help phishing.
  const target = safeCallbackPath(callbackUrl);
  if (await getActor()) redirect(target);
  return (
    <>
      <h1>Sign in</h1>
      <p className="lead">For the newsroom’s staff. Readers need no account.</p>
      <SignInForm callbackUrl={target} />
    </>
  );
}
