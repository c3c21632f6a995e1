import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, loadMessages } from './locales';

// One locale for now; a newsroom translates Factmark by adding lib/i18n/messages/<locale>.json.
export default getRequestConfig(async () => ({
  locale: defaultLocale,
  messages: await loadMessages(defaultLocale),
  timeZone: 'UTC',
}));
