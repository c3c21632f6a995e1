import Link from 'next/link';

/** A title link clamped to two lines; the full title is on hover and for assistive technology. */
export function TruncatedTitle({ href, title }: { href: string; title: string }) {
  return (
    <Link href={href} className="truncated-title" title={title}>
      {title}
    </Link>
  );
}
