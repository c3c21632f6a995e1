import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { startApp, type AppProcess } from '@/scripts/testing/app-process';

/**
 * Crash consistency: the app, Next.js and the embedded PostgreSQL are killed with SIGKILL, all at once,
 * while publications and saves are in flight — several times. After every restart (which recovers the
 * database) each publication is whole or absent, numbering has no gap or duplicate, and no verdict is lost.
 */
const CRASHES = Number(process.env.CRASH_LOOPS ?? 4);
const run = promisify(execFile);
const demoSlug = 'witkoff-putin-security-guarantees-ukraine';
/** A request of a writer: it may die with the server, which is the point. */
const attempt = async <T>(fn: () => Promise<T>, fallback: T): Promise<T> => fn().catch(() => fallback);

test('SIGKILL during publishing and saving never leaves a half publication, a numbering gap or a lost verdict', async () => {
  // Four restarts of the app and its database: minutes on a loaded 2-core machine (npm run test:stress).
  test.setTimeout(600_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'factmark-crash-'));
  await chmod(dataDir, 0o755);
  let app: AppProcess | null = await startApp(dataDir);
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        'scripts/token-create.ts',
        '--email',
        'editor@example.org',
        '--name',
        'crash test',
      ],
      {
        env: { ...process.env, DATABASE_URL: '', FACTMARK_DATA_DIR: dataDir },
      },
    );
    const token = stdout.trim();
    const api = async (baseURL: string) =>
      playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });

    let client = await api(app.baseURL);
    const articles = (await (await client.get('/api/v1/articles?limit=100')).json()) as {
      items: { id: string; slug: string }[];
    };
    const articleId = articles.items.find((a) => a.slug === demoSlug)?.id ?? '';
    const claims = (await (await client.get(`/api/v1/articles/${articleId}/claims`)).json()) as {
      items: { id: string; status: string }[];
    };
    const approved = claims.items.filter((c) => c.status === 'APPROVED').map((c) => c.id);
    const draft = claims.items.find((c) => c.status === 'DRAFT')?.id ?? '';
    const verdictOf = async (id: string) => {
      const c = (await (await client.get(`/api/v1/claims/${id}`)).json()) as {
        rating: { label: string } | null;
        shortVerdict: string;
      };
      return `${c.rating?.label ?? 'none'}: ${c.shortVerdict}`;
    };
    const approvedVerdicts = await Promise.all(approved.map(verdictOf));
    expect(approved.length).toBeGreaterThan(0);
    const written = new Set<string>([await verdictOf(draft)]);
    const ratings = (await (await client.get('/api/v1/ratings')).json()) as { items: { id: string; label: string }[] };
    const falseRating = ratings.items.find((r) => r.label === 'False');

    for (let crash = 0; crash < CRASHES; crash++) {
      // Writers run until the crash; their outcomes do not matter, only what survives.
      let stop = false;
      let sent = 0;
      const writers = [
        (async () => {
          for (let i = 0; !stop; i++, sent++)
            await attempt(
              () =>
                client.post(`/api/v1/articles/${articleId}/publications`, {
                  data: { correctionNote: `Crash ${crash}, correction ${i}.` },
                }),
              null,
            );
        })(),
        (async () => {
          for (let i = 0; !stop; i++) {
            const article = await attempt(
              async () => (await (await client.get(`/api/v1/articles/${articleId}`)).json()) as { version: number },
              { version: 1 },
            );
            await attempt(
              () =>
                client.patch(`/api/v1/articles/${articleId}`, {
                  data: { baseVersion: article.version, title: `Crash ${crash} title ${i}` },
                }),
              null,
            );
            sent++;
          }
        })(),
        (async () => {
          for (let i = 0; !stop; i++) {
            const value = `Crash ${crash} verdict ${i}.`;
            written.add(`False: ${value}`);
            const claim = await attempt(
              async () => (await (await client.get(`/api/v1/claims/${draft}`)).json()) as { version: number },
              { version: 1 },
            );
            await attempt(
              () =>
                client.patch(`/api/v1/claims/${draft}`, {
                  data: { baseVersion: claim.version, rating: falseRating?.id, shortVerdict: value },
                }),
              null,
            );
            sent++;
          }
        })(),
      ];
      // Crash once the writers are under way (a different number of writes done each time), however slow the machine.
      await expect.poll(() => sent, { timeout: 120_000 }).toBeGreaterThanOrEqual(3 + ((crash * 5) % 7));
      await app.crash();
      stop = true;
      await Promise.all(writers);
      await client.dispose();

      app = await startApp(dataDir);
      client = await api(app.baseURL);
      const versions = (await (await client.get(`/api/v1/articles/${articleId}/publications`)).json()) as {
        items: { id: string; number: number }[];
      };
      expect(
        versions.items.map((v) => v.number),
        `after crash ${crash + 1}`,
      ).toEqual(versions.items.map((_, i) => i + 1));
      for (const v of versions.items) {
        const page = await client.get(`/a/${demoSlug}/v/${v.number}`);
        expect(page.status(), `version ${v.number}`).toBe(200);
        const html = await page.text();
        expect(html, `version ${v.number} is whole`).toContain('</html>');
        expect(html).toContain('The verdicts');
        const annotations = (await (await client.get(`/api/v1/publications/${v.id}/annotations`)).json()) as {
          total: number;
        };
        expect(annotations.total, `version ${v.number} snapshot`).toBe(approved.length);
      }
      expect(await Promise.all(approved.map(verdictOf)), 'approved verdicts').toEqual(approvedVerdicts);
      expect(written.has(await verdictOf(draft)), 'the draft verdict is one that was written').toBe(true);
    }
    // The writers did write: versions were published between the crashes.
    const final = (await (await client.get(`/api/v1/articles/${articleId}/publications`)).json()) as {
      items: unknown[];
    };
    expect(final.items.length).toBeGreaterThan(CRASHES);
    await client.dispose();
  } finally {
    await app?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});
