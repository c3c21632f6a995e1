import type { Metadata } from 'next';
import { signOutAction } from '@/lib/actions/sessions';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Sign out' };

export default function SignOutPage() {
  return (
    <>
      <h1>Sign out</h1>
      <p>This ends your sessions on every device.</p>
      <form action={signOutAction}>
        <Button type="submit">Sign out</Button>
      </form>
    </>
  );
}
