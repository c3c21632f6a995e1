import Link from 'next/link';
import { signOutAction } from '@/lib/actions/sessions';
import { hasRole, type Actor } from '@/lib/auth/permissions';
import { Menu } from './menu';

const ADMIN_PAGES = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/ratings', label: 'Ratings' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/feeds', label: 'Feeds' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The header navigation: what the signed-in person may open (admin pages grouped in one menu, so it stays one row), or a sign-in link. */
export function SiteNav({
  actor,
  label,
  brand,
  unread,
  inReview,
}: {
  actor: Actor | null;
  label: string;
  brand: string;
  unread: number;
  inReview: number;
}) {
  return (
    <nav aria-label={label}>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the front page has the reader's header: a full navigation, not the newsroom's layout kept */}
      <a href="/" className="brand">
        {brand}
      </a>
      {actor ? (
        <>
          <Link href="/dashboard">Dashboard</Link>
          {hasRole(actor, 'REVIEWER') && <Link href="/review">Review ({inReview})</Link>}
          <Link href="/inbox">Inbox{unread > 0 ? ` (${unread} unread)` : ''}</Link>
          {hasRole(actor, 'ADMIN') && <Menu label="Admin" items={ADMIN_PAGES} />}
          <form action="/search" method="get" role="search" className="nav-form nav-search">
            <label htmlFor="site-search" className="visually-hidden">
              Search articles, claims and sources
            </label>
            <input id="site-search" type="search" name="q" placeholder="Search" maxLength={200} required />
            <button type="submit">Search</button>
          </form>
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
