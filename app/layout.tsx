import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteNav } from '@/components/ui/site-nav';
import { getActor } from '@/lib/auth/session';
import { navigationCounts } from '@/lib/data/navigation';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const actor = await getActor();
  const counts = actor ? await navigationCounts(actor) : { unread: 0, inReview: 0 };
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header className="site-header">
          <SiteNav actor={actor} label={t('mainNav')} brand={t('name')} unread={counts.unread} inReview={counts.inReview} />
        </header>
        <NextIntlClientProvider>
          <main id="main">{children}</main>
        </NextIntlClientProvider>
        <footer className="site-footer">
          <a href="/ratings">Our rating scale</a> · <a href="/docs/api">API</a>
        </footer>
      </body>
    </html>
  );
}
