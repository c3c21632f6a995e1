export const defaultLocale = 'en';

export async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const messages = (await import(`./messages/${locale}.json`)) as { default: Record<string, unknown> };
  return messages.default;
}

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Text direction of a BCP 47 language tag, from its primary language subtag. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return rtlLanguages.has(primary) ? 'rtl' : 'ltr';
}
