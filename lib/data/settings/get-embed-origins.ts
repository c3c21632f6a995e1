import 'server-only';
import { getSettings } from './get-settings';

/** The partner sites allowed to frame /a/{slug}/embed (the embed page's frame-ancestors). */
export async function getEmbedOrigins(): Promise<string[]> {
  return (await getSettings()).embedOrigins;
}
