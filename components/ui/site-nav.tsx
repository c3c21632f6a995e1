import Link from 'next/link';
import { signOutAction } from '@/app/sign-out/actions';
import { hasRole, type Actor } from '@/lib/auth/permissions';

/** The header navigation: what the signed-in person may open, or a sign-in link. */
export function SiteNav({ actor, label, brand }: { actor: Actor | null; label: string; brand: string }) {
  return (
    <nav aria-label={label}>
      <Link href="/" className="brand">
        {brand}
      </Link>
      {actor ? (
        <>
          <Link href="/dashboard">Dashboard</Link>
          {hasRole(actor, 'ADMIN') && <Link href="/admin/users">Users</Link>}
          {hasRole(actor, 'ADMIN') && <Link href="/admin/ratings">Ratings</Link>}
          {hasRole(actor, 'ADMIN') && <Link href="/admin/settings">Settings</Link>}
          <Link href="/account">Account</Link>
          <form action={signOutAction} className="nav-form">
            <button type="submit">Sign out</button>
          </form>
        </>
      ) : (
        <Link href="/sign-in">Sign in</Link>
      )}
    </nav>
  );
}
