import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

export default function ForbiddenPage() {
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>Your roles do not allow it. An admin can change your roles.</p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </>
  );
}
