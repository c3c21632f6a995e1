// Node clients of the /collab WebSocket for the benchmarks: the editor's own provider (@hocuspocus/provider) with
// the session cookie and the app's Origin, as the browser's socket has them.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { request, type APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../lib/collab/messages';

/** A WebSocket class that sends the session cookie and the app's Origin, as the browser's socket does. */
function socketClass(cookie: string, origin: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: cookie, Origin: origin } });
    }
  };
}

export interface LiveClient {
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
  document: Y.Doc;
  destroy(): void;
}

/** A client of the article's live document, resolved once it is in sync with the server (within `timeoutMs`). */
export async function connectLive(
  baseURL: string,
  cookie: string,
  articleId: string,
  timeoutMs = 120_000,
): Promise<LiveClient> {
  const document = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseURL.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    WebSocketPolyfill: socketClass(cookie, new URL(baseURL).origin),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: articleId,
    document,
    token: 'session-cookie',
  });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a client did not sync within ${timeoutMs / 1000} s`)), timeoutMs);
    provider.on('synced', ({ state }: { state: boolean }) => {
      if (!state) return;
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    socket,
    provider,
    document,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** The demo editor signed in: a request context with its session, and that session as a Cookie header. */
export async function signInDemoEditor(baseURL: string): Promise<{ session: APIRequestContext; cookie: string }> {
  const session = await request.newContext({ baseURL });
  const csrf = (await (await session.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await session.post('/api/auth/callback/credentials', {
    form: {
      csrfToken: csrf.csrfToken,
      email: 'editor@example.org',
      password: 'demo-editor-password',
      callbackUrl: `${baseURL}/dashboard`,
    },
    maxRedirects: 0,
  });
  const cookies = (await session.storageState()).cookies;
  return { session, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}
