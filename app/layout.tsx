import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ReaderHeader } from '@/components/reader/reader-header';
import { SiteNav } from '@/components/ui/site-nav';
import { getActor } from '@/lib/data/sessions/get-actor';
import { navigationCounts } from '@/lib/data/notifications/count-navigation';
import { findPublishedOrganisationName } from '@/lib/data/publications/find-published-organisation-name';
import { ToastProvider } from '@/components/ui/toast';
// The design tokens first: the reader's pages link the same file (lib/publishing/page-shell.ts).
import '@/public/tokens.css';
import './globals.css';
import '@/components/ui/ui.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const actor = await getActor();
  // proxy.ts marks the public pages, which look like the reader's pages at /a.
  const isPublic = (await headers()).get('x-factmark-area') === 'public';
  const counts = actor && !isPublic ? await navigationCounts(actor) : { unread: 0, inReview: 0 };
  return (
    <html lang={locale}>
      <body className={isPublic ? 'public' : undefined}>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {isPublic ? (
          <ReaderHeader
            organisation={(await findPublishedOrganisationName()) ?? t('name')}
            isSignedIn={actor !== null}
          />
        ) : (
          <header className="site-header">
            <SiteNav
              actor={actor}
              label={t('mainNav')}
              brand={t('name')}
              unread={counts.unread}
              inReview={counts.inReview}
            />
          </header>
        )}
        <NextIntlClientProvider>
          <ToastProvider>
            <main id="main">{children}</main>
          </ToastProvider>
        </NextIntlClientProvider>
        <footer className="site-footer">
          <a href="/ratings">Our rating scale</a> · <a href="/docs/api">API</a>
        </footer>
      </body>
    </html>
  );
}
