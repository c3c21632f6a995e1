/**
 * The header of the reader's pages (lib/publishing/page-shell.ts) for the public pages the app renders: the
 * organisation's name home, and the way into the newsroom. Plain links: these pages share no layout with the newsroom's.
 */
export function ReaderHeader({ organisation, isSignedIn }: { organisation: string; isSignedIn: boolean }) {
  return (
    <header className="site">
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full navigation swaps the reader's header for the newsroom's */}
      <a href="/">
        <bdi>{organisation}</bdi>
      </a>
      {isSignedIn ? (
        <a className="site-staff" href="/dashboard">
          Newsroom
        </a>
      ) : (
        <a className="site-staff" href="/sign-in">
          Sign in
        </a>
      )}
    </header>
  );
}
