// npm run bench:collab-large — what a 2 MB article in live collaboration costs everyone else on the server, in the
// production build: an editor opens the article's live document (the server loads and converts it), types, the
// server saves it (derives the article from the live text), and the editor leaves (the last save). Through each
// step, requests to /api/health keep coming: the figures are the server's main-thread event-loop delay
// (/api/bench/event-loop) and the slowest of those requests. Target: no step stalls the main thread over 100 ms.
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { COLLAB_FIELD } from '../lib/collab/messages';
import { generateArticle } from './generated-article';
import { connectLive, signInDemoEditor, type LiveClient } from './lib/collab-client';
import { recordResults, round, runBench, startServer } from './support';

// About 7 characters a word: 2.0 MB of text, just under the 2 MB article limit.
const WORDS = Number(process.env.BENCH_COLLAB_LARGE_WORDS ?? 290_000);
const PROBE_MS = 50;

interface LoopFigures {
  maxMs: number;
  p99Ms: number;
}

async function main() {
  process.env.FACTMARK_BENCH = '1';
  const server = await startServer();
  const loop = async (reset: boolean) =>
    (await (await fetch(`${server.baseURL}/api/bench/event-loop${reset ? '?reset' : ''}`)).json()) as LoopFigures;
  const clients: { destroy(): void }[] = [];
  try {
    const { session, cookie } = await signInDemoEditor(server.baseURL);
    const { text } = generateArticle(WORDS, 0);
    const origin = { Origin: server.baseURL };
    const created = await session.post('/api/v1/articles', {
      data: { title: 'Large live article', format: 'text', body: text },
      headers: origin,
      timeout: 300_000,
    });
    if (!created.ok()) throw new Error(`creating the article failed: ${created.status()} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };

    /** Runs one step with /api/health probed every PROBE_MS; answers its duration, the loop delay and the slowest probe. */
    async function step(name: string, run: () => Promise<void>) {
      await loop(true);
      let probing = true;
      let slowest = 0;
      const probes = (async () => {
        while (probing) {
          const began = performance.now();
          await fetch(`${server.baseURL}/api/health`).then((r) => r.arrayBuffer());
          slowest = Math.max(slowest, performance.now() - began);
          await new Promise((r) => setTimeout(r, PROBE_MS));
        }
      })();
      const began = performance.now();
      await run();
      const ms = performance.now() - began;
      probing = false;
      await probes;
      const figures = await loop(false);
      console.error(
        `${name}: ${round(ms)} ms, event loop max ${figures.maxMs} ms, slowest health ${round(slowest)} ms`,
      );
      return { ms: round(ms), eventLoopMaxMs: figures.maxMs, healthMaxMs: round(slowest) };
    }

    let client: LiveClient | undefined;
    const live = () => {
      if (!client) throw new Error('no client');
      return client;
    };
    // From the list (newest first), which leaves the 2 MB content out.
    const version = async () => {
      const page = (await (await session.get('/api/v1/articles?limit=5')).json()) as {
        items: { id: string; version: number }[];
      };
      return page.items.find((item) => item.id === id)?.version ?? 0;
    };
    const before = await version();

    const open = await step('first open (from the article)', async () => {
      client = await connectLive(server.baseURL, cookie, id, 300_000);
      clients.push(client);
    });
    const save = await step('type and save', async () => {
      const saved = new Promise<void>((resolve) =>
        live().provider.on('stateless', ({ payload }: { payload: string }) => {
          if ((JSON.parse(payload) as { type?: string }).type === 'saved') resolve();
        }),
      );
      const paragraph = live().document.getXmlFragment(COLLAB_FIELD).get(0);
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(text instanceof Y.XmlText)) throw new Error('the first paragraph has no text');
      text.insert(0, 'A live edit in a large article. ');
      await saved;
    });
    const leave = await step('leave (last save)', async () => {
      live().destroy();
      for (let i = 0; i < 600 && (await version()) <= before; i++) await new Promise((r) => setTimeout(r, 500));
    });

    // Opened again: from the stored snapshot this time.
    const reopen = await step('reopen (from the snapshot)', async () => {
      client = await connectLive(server.baseURL, cookie, id, 300_000);
      clients.push(client);
    });
    const steps = { open, save, leave, reopen };
    await recordResults('collabLarge', {
      command: 'npm run bench:collab-large',
      articleChars: text.length,
      steps,
      eventLoopMaxMs: Math.max(...Object.values(steps).map((s) => s.eventLoopMaxMs)),
      healthMaxMs: Math.max(...Object.values(steps).map((s) => s.healthMaxMs)),
      target: { eventLoopMaxMs: 100 },
      note: process.env.BENCH_COLLAB_NOTE ?? undefined,
    });
    await session.dispose();
  } finally {
    for (const client of clients) client.destroy();
    await server.stop();
  }
}

runBench(main);
