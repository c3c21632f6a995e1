import type { HocuspocusProvider } from '@hocuspocus/provider';
import { ARTICLE_DELETED } from './messages';

/*
 * The editor's provider reconnects by itself whenever its socket closes. After some closes there is nothing to come
 * back to: the session ended or the user was disabled (4401), the article was deleted (4404), or the server refused
 * the connection (signed out, or no longer allowed to read the article). Reconnecting then only fails again, every
 * few seconds, while the editor looks live; so the provider stops and the person is told why. A role change (4403)
 * still reconnects: an editor demoted to reviewer follows read-only.
 */

export const SESSION_ENDED =
  'Your session ended (you signed out, or your account was disabled): the live text is no longer saved from here.';
export const ACCESS_REFUSED =
  'The live text could not be opened (you may be signed out, or no longer allowed to see this article): reload the page.';

/** Why a socket closed with `code` leaves nothing to reconnect to, or null when the provider should reconnect. */
export function finalCloseReason(code: number): string | null {
  if (code === 4401) return SESSION_ENDED;
  if (code === 4404) return ARTICLE_DELETED;
  return null;
}

/**
 * Stops `provider` reconnecting after a close that leaves nothing to come back to, or a refused authentication, and
 * calls `onStop` with why (once). Returns the function that stops watching.
 */
export function stopWhenRefused(provider: HocuspocusProvider, onStop: (message: string) => void): () => void {
  let stopped = false;
  const stop = (message: string) => {
    if (stopped) return;
    stopped = true;
    provider.configuration.websocketProvider.disconnect();
    onStop(message);
  };
  const onClose = ({ event }: { event: { code: number } }) => {
    const reason = finalCloseReason(event.code);
    if (reason) stop(reason);
  };
  const onRefused = () => stop(ACCESS_REFUSED);
  provider.on('close', onClose);
  provider.on('authenticationFailed', onRefused);
  return () => {
    provider.off('close', onClose);
    provider.off('authenticationFailed', onRefused);
  };
}
