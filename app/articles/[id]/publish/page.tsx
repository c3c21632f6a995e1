import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublishForm, RetractForm } from '@/components/articles/publish-forms';
import { LocalTime } from '@/components/ui/local-time';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { getPublishPlan } from '@/lib/data/publications/get-publish-plan';
import { AppError } from '@/lib/errors';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Publish' };

export default async function PublishPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}/publish`, 'publishArticles');
  const plan = await getPublishPlan(actor, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const out = plan.claims.filter((c) => c.goesOut);
  const kept = plan.claims.filter((c) => !c.goesOut);
  const withdrawn = kept.filter((c) => c.withdrawnRating !== null);
  return (
    <>
      <p>
        <Link href={`/articles/${id}`}>Back to the article</Link>
      </p>
      <h1>Publish “{plan.article.title}”</h1>
      {plan.latest ? (
        <p>
          Version {plan.latest.number} was published on{' '}
          <LocalTime iso={new Date(plan.latest.publishedAt).toISOString()} mode="date" />:{' '}
          <a href={`/a/${plan.article.slug}`}>public page</a> ·{' '}
          <a href={`/a/${plan.article.slug}/versions`}>all versions</a>.
          {plan.retracted && (
            <>
              {' '}
              Retracted on <LocalTime iso={new Date(plan.retracted.at).toISOString()} mode="date" />:{' '}
              {plan.retracted.reason}
            </>
          )}
        </p>
      ) : (
        <p>Not published yet.</p>
      )}
      {plan.problems.length > 0 && (
        <section aria-labelledby="blockers" className="notice">
          <h2 id="blockers">Before you can publish</h2>
          <ul>
            {plan.problems.map((p) => (
              <li key={p.path}>
                {p.message}{' '}
                {p.path.startsWith('settings.') && <Link href="/admin/settings">Organisation settings</Link>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="goes-out">
        <h2 id="goes-out">Goes out to readers ({out.length})</h2>
        {out.length === 0 ? (
          <p>No claim is approved with a rating yet.</p>
        ) : (
          <ul>
            {out.map((c) => (
              <li key={c.id}>
                “{c.exact}” — <strong>{c.rating}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="stays-in">
        <h2 id="stays-in">Stays in the newsroom ({kept.length})</h2>
        {kept.length === 0 ? (
          <p>Every claim goes out.</p>
        ) : (
          <ul>
            {kept.map((c) => (
              <li key={c.id}>
                “{c.exact}” — {c.reason}
                {c.withdrawnRating !== null && (
                  <strong className="withdraws">
                    {' '}
                    Readers see its verdict{c.withdrawnRating ? ` (${c.withdrawnRating})` : ''} now: publishing
                    withdraws it.
                  </strong>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href={`/articles/${id}/preview`} target="_blank" rel="noopener">
          Preview the reader page (opens in a new tab)
        </a>
      </p>
      {withdrawn.length > 0 && (
        <section aria-labelledby="withdraws-heading" className="notice warning">
          <h2 id="withdraws-heading">
            <span aria-hidden="true">⚠ </span>Publishing now withdraws{' '}
            {withdrawn.length === 1 ? 'a verdict' : `${withdrawn.length} verdicts`} readers can see
          </h2>
          <ul>
            {withdrawn.map((c) => (
              <li key={c.id}>
                “{c.exact}”{c.withdrawnRating ? ` — ${c.withdrawnRating}` : ''}
              </li>
            ))}
          </ul>
          <p>
            Get {withdrawn.length === 1 ? 'it' : 'them'} approved again first to keep{' '}
            {withdrawn.length === 1 ? 'it' : 'them'} on the public page.
          </p>
        </section>
      )}
      <PublishForm
        articleId={id}
        nextNumber={plan.nextNumber}
        canPublish={plan.problems.length === 0}
        withdrawnClaimIds={withdrawn.map((c) => c.id)}
        fingerprint={plan.fingerprint}
      />
      {plan.latest && !plan.retracted && (
        <section aria-labelledby="retract">
          <h2 id="retract">Retract</h2>
          <p>
            Retraction replaces the public page with a notice and your reason. Every published version stays on record.
          </p>
          <RetractForm articleId={id} />
        </section>
      )}
    </>
  );
}
