// npm run bench:collab — live collaboration under load, in the production build: 10 headless clients (Node, the
// editor's own provider, @hocuspocus/provider) on a 20,000-word article with 1,000 claims, each typing 5 characters
// a second in its own paragraph for BENCH_COLLAB_SECONDS (60). Records how long an edit takes to show on the other
// clients, the server's CPU, the bytes persisted per minute, and the browser editor's keystroke latency with
// collaboration on beside the bare contenteditable floor (the same measure as bench:editor).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { COLLAB_FIELD } from '../lib/collab/messages';
import { addClaimMark } from '../lib/editor/claim-marks';
import { documentFromText, parseDocument } from '../lib/editor/schema';
import { generateArticle } from './generated-article';
import { connectLive, signInDemoEditor, type LiveClient } from './lib/collab-client';
import { bareEditableLatencies, keystrokeLatencies, launchBenchBrowser } from './lib/keystrokes';
import { percentile, recordResults, round, runBench, startServer } from './support';

/** In the page: times every Yjs transaction of the editor's shared document that came from elsewhere. */
function remoteUpdateTimer(root: Element): void {
  type YDocLike = {
    on: (event: string, f: (doc: unknown, transactions: { local: boolean }[]) => void) => void;
  };
  const { editor } = root as Element & {
    editor: { state: { plugins: { spec: { key?: { key: string } }; getState: (s: unknown) => { doc?: YDocLike } }[] } };
  };
  const plugin = editor.state.plugins.find((p) => p.spec.key?.key.startsWith('y-sync'));
  const doc = plugin?.getState(editor.state)?.doc;
  if (!doc) throw new Error('the editor has no shared document');
  const w = window as unknown as { remoteUpdateMs: number[] };
  w.remoteUpdateMs = [];
  let began = 0;
  doc.on('beforeAllTransactions', () => (began = performance.now()));
  doc.on('afterAllTransactions', (_doc, transactions) => {
    if (transactions.some((t) => !t.local)) w.remoteUpdateMs.push(performance.now() - began);
  });
}

const WORDS = 20_000;
const CLAIMS = 1_000;
const CLIENTS = Number(process.env.BENCH_COLLAB_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 60);
const CHARS_PER_SECOND = 5;
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, in clock ticks) of the app server's processes and of the database's, found by the data folder. */
async function cpuTicks(dataDir: string): Promise<{ app: number; database: number }> {
  const ticks = { app: 0, database: 0 };
  const postmasters = new Set<string>();
  const stats: { pid: string; ppid: string; ticks: number; cmd: string; env: string }[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      const env = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
      stats.push({ pid, ppid: fields[1] ?? '', ticks: Number(fields[11]) + Number(fields[12]), cmd, env });
      if (cmd.includes(path.join(dataDir, 'postgres'))) postmasters.add(pid);
    } catch {
      // The process ended meanwhile.
    }
  }
  for (const p of stats) {
    if (postmasters.has(p.pid) || postmasters.has(p.ppid)) ticks.database += p.ticks;
    else if (p.env.includes(`FACTMARK_DATA_DIR=${dataDir}`) && p.cmd.includes('server.ts')) ticks.app += p.ticks;
  }
  return ticks;
}

/** The test server's own database (the embedded PostgreSQL in its data folder). */
async function databaseOf(dataDir: string): Promise<pg.Client> {
  // The folder's layout (scripts/lib/embedded-db.ts): PostgreSQL in `postgres/`, its port on the pid file's fourth line.
  const folders = ['postgres', ...(await readdir(dataDir))];
  const pidFile = await Promise.any(
    folders.map((folder) => readFile(path.join(dataDir, folder, 'postmaster.pid'), 'utf8')),
  ).catch(() => {
    throw new Error(`no postmaster.pid under ${dataDir}: ${folders.join(', ')}`);
  });
  const port = pidFile.split('\n')[3]?.trim();
  const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
  const client = new pg.Client({
    connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/factmark`,
  });
  await client.connect();
  return client;
}

interface Client extends LiveClient {
  /** The text of the paragraph each writer types into, in this client's copy. */
  texts: Y.XmlText[];
}

async function connect(baseURL: string, cookie: string, articleId: string, paragraphs: number[]): Promise<Client> {
  const client = await connectLive(baseURL, cookie, articleId);
  const fragment = client.document.getXmlFragment(COLLAB_FIELD);
  const texts = paragraphs.map((index) => {
    const paragraph = fragment.get(index);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} has no text`);
    return text;
  });
  return { ...client, texts };
}

async function main() {
  const server = await startServer();
  const browser = await launchBenchBrowser();
  // Without the database's files at hand (seen once on a shared machine), the bytes persisted are left unmeasured.
  const database = await databaseOf(server.dataDir).catch((err: unknown) => {
    console.error(`persisted bytes not measured: ${String(err)}`);
    return null;
  });
  const clients: Client[] = [];
  const timers: ReturnType<typeof setInterval>[] = [];
  try {
    const { session, cookie } = await signInDemoEditor(server.baseURL);
    const cookies = (await session.storageState()).cookies;

    const { text, claimAt } = generateArticle(WORDS, CLAIMS);
    const origin = { Origin: server.baseURL };
    const created = await session.post('/api/v1/articles', {
      data: { title: 'Collaboration benchmark', format: 'text', body: text },
      headers: origin,
    });
    if (!created.ok()) throw new Error(`creating the article failed: ${created.status()} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    let doc = parseDocument(documentFromText(text));
    for (const range of claimAt) doc = addClaimMark(doc, range, crypto.randomUUID());
    // A loaded machine may answer 503 (the bounded wait for a connection): the save is retried as the client would.
    let saved = await session.patch(`/api/v1/articles/${id}`, {
      data: { baseVersion: 1, content: doc.toJSON() },
      headers: origin,
    });
    for (let attempt = 0; saved.status() === 503 && attempt < 10; attempt++) {
      await new Promise((r) => setTimeout(r, 2_000));
      saved = await session.patch(`/api/v1/articles/${id}`, {
        data: { baseVersion: 1, content: doc.toJSON() },
        headers: origin,
      });
    }
    if (!saved.ok()) throw new Error(`saving the claims failed: ${saved.status()} ${await saved.text()}`);

    // Each writer types in its own paragraph, spread over the article.
    const paragraphCount = doc.childCount;
    const paragraphs = Array.from({ length: CLIENTS }, (_, i) => Math.floor(((i + 0.5) * paragraphCount) / CLIENTS));
    for (let i = 0; i < CLIENTS; i++) clients.push(await connect(server.baseURL, cookie, id, paragraphs));

    // Convergence: writer w's k-th character is seen by client r when r's copy of w's paragraph is long enough.
    const initial = clients[0]?.texts.map((t) => t.length) ?? [];
    const sentAt = clients.map(() => [] as number[]);
    const seen = clients.map(() => clients.map(() => 0));
    const convergence: number[] = [];
    clients.forEach((client, r) => {
      client.document.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) return;
        const now = performance.now();
        for (let w = 0; w < clients.length; w++) {
          if (w === r) continue;
          const got = (client.texts[w]?.length ?? 0) - (initial[w] ?? 0);
          const row = seen[r] ?? [];
          while ((row[w] ?? 0) < got && (row[w] ?? 0) < (sentAt[w]?.length ?? 0)) {
            convergence.push(now - (sentAt[w]?.[row[w] ?? 0] ?? now));
            row[w] = (row[w] ?? 0) + 1;
          }
        }
      });
    });

    const maxId = async () =>
      database
        ? Number(
            (await database.query<{ id: string | null }>('SELECT max(id)::text AS id FROM "CollabUpdate"')).rows[0]
              ?.id ?? 0,
          )
        : 0;
    let lastId = await maxId();
    let persisted = 0;
    let lastVersion = 0;
    const sampleStorage = async () => {
      if (!database) return;
      const rows = await database.query<{ bytes: string | null; id: string | null }>(
        'SELECT sum(octet_length(data))::text AS bytes, max(id)::text AS id FROM "CollabUpdate" WHERE id > $1',
        [lastId],
      );
      persisted += Number(rows.rows[0]?.bytes ?? 0);
      lastId = Math.max(lastId, Number(rows.rows[0]?.id ?? 0));
      const article = await database.query<{ version: number; bytes: string }>(
        'SELECT version, (octet_length(content::text) + octet_length("plainText"))::text AS bytes FROM "Article" WHERE id = $1',
        [id],
      );
      const row = article.rows[0];
      if (row && lastVersion > 0 && row.version > lastVersion)
        persisted += Number(row.bytes) * (row.version - lastVersion);
      if (row) lastVersion = row.version;
    };
    await sampleStorage();
    persisted = 0;

    // The browser editor joins the same article while the clients type.
    const page = await browser.newPage({ baseURL: server.baseURL, viewport: { width: 1280, height: 900 } });
    await page.context().addCookies(cookies);
    await page.goto(`/articles/${id}`);
    await page.locator('.editor-content[contenteditable="true"]').waitFor({ timeout: 120_000 });

    // What each remote update costs the browser editor: Yjs applies it, the binding rebuilds the ProseMirror document
    // and the view redraws, all inside the Yjs transaction (from its first hook to its last).
    await page.locator('.editor-content').evaluate(remoteUpdateTimer);

    const cpuBefore = await cpuTicks(server.dataDir);
    const started = performance.now();
    let typed = 0;
    const typing: ReturnType<typeof setInterval> = setInterval(() => {
      clients.forEach((client, w) => {
        const target = client.texts[w];
        if (!target) return;
        sentAt[w]?.push(performance.now());
        // After the paragraph's number, so the words typed stay inside the text and out of the claims' way.
        target.insert(Math.min(target.length, 12 + typed), typed % 6 === 5 ? ' ' : 'x');
      });
      typed++;
    }, 1000 / CHARS_PER_SECOND);
    const sampler = setInterval(() => void sampleStorage().catch((err: unknown) => console.error(err)), 200);
    timers.push(typing, sampler);

    const middle = page.locator('.editor-content p').nth(Math.floor(paragraphCount / 2) + 1);
    const latencies = await keystrokeLatencies(page, '.editor-content', middle);
    const remaining = SECONDS * 1000 - (performance.now() - started);
    if (remaining > 0) await new Promise((r) => setTimeout(r, remaining));
    clearInterval(typing);
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = await cpuTicks(server.dataDir);
    // The last characters arrive, and the server saves them (one second after the last change).
    await new Promise((r) => setTimeout(r, 3_000));
    clearInterval(sampler);
    await sampleStorage();

    const floor = await bareEditableLatencies(browser);
    const remoteUpdates = await page.evaluate(() => (window as unknown as { remoteUpdateMs: number[] }).remoteUpdateMs);

    const expected = clients.length * (clients.length - 1) * typed;
    const texts = clients.map((c) => c.texts.map((t) => t.toString()).join('\n'));
    // Every character typed, in every client's copy of every writer's paragraph.
    const lostCharacters = clients.reduce(
      (sum, c) => sum + c.texts.reduce((s, t, w) => s + Math.max(0, (initial[w] ?? 0) + typed - t.length), 0),
      0,
    );
    await recordResults('collab', {
      command: 'npm run bench:collab',
      article: { words: WORDS, claims: CLAIMS },
      clients: clients.length,
      seconds: round(elapsed),
      charactersPerSecondPerClient: CHARS_PER_SECOND,
      convergenceP95Ms: round(percentile(convergence, 95)),
      convergenceMs: {
        samples: convergence.length,
        expected,
        p50: round(percentile(convergence, 50)),
        p95: round(percentile(convergence, 95)),
        max: round(Math.max(...convergence)),
        target: { p95: 150 },
      },
      converged: texts.every((t) => t === texts[0]),
      lostCharacters,
      // Percent of one core over the typing window: the app server, and the database beside it.
      serverCpuPercent: round(((cpuAfter.app - cpuBefore.app) / TICKS_PER_SECOND / elapsed) * 100),
      databaseCpuPercent: round(((cpuAfter.database - cpuBefore.database) / TICKS_PER_SECOND / elapsed) * 100),
      // Yjs updates and snapshots appended, and the article rows written by the live saves.
      persistedBytesPerMinute: database ? Math.round((persisted / elapsed) * 60) : null,
      keystrokeP95Ms: round(percentile(latencies, 95)),
      keystrokeLatencyMs: {
        samples: latencies.length,
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        max: round(Math.max(...latencies)),
      },
      bareContentEditableLatencyMs: { p50: round(percentile(floor, 50)), p95: round(percentile(floor, 95)) },
      editorRemoteUpdateMs: {
        samples: remoteUpdates.length,
        p50: round(percentile(remoteUpdates, 50)),
        p95: round(percentile(remoteUpdates, 95)),
        max: round(Math.max(...remoteUpdates)),
      },
      note: process.env.BENCH_COLLAB_NOTE ?? undefined,
    });
    await session.dispose();
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const client of clients) client.destroy();
    await database?.end().catch(() => undefined);
    await browser.close();
    await server.stop();
  }
}

runBench(main);
