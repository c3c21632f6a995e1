'use client';

import { useState } from 'react';
import { sourceKindLabels, sourceKinds, type ClaimDetailDto } from '@/lib/validation/verdicts';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { FieldShell, type FieldControlProps } from '@/components/ui/field';

const kinds = sourceKinds.map((k) => [k, sourceKindLabels[k]] as const);

/** A source's kind, chosen from the labelled kinds. */
function KindSelect({
  value,
  onChange,
  control,
}: {
  value: string;
  onChange: (value: string) => void;
  control: FieldControlProps;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...control}>
      {kinds.map(([kind, label]) => (
        <option key={kind} value={kind}>
          {label}
        </option>
      ))}
    </select>
  );
}

type Send = (method: string, path: string, body: unknown, success: string) => Promise<boolean>;
type ClaimSource = ClaimDetailDto['sources'][number];

/** One source's details edited in place; its address stays (a different address is a different source). */
function SourceEditForm({
  source,
  path,
  send,
  onDone,
}: {
  source: ClaimSource;
  path: string;
  send: Send;
  onDone: () => void;
}) {
  const [values, setValues] = useState({
    title: source.title,
    publisher: source.publisher ?? '',
    publishedAt: source.publishedAt?.slice(0, 10) ?? '',
    kind: source.kind as string,
    archivedUrl: source.archivedUrl ?? '',
    excerpt: source.excerpt,
  });
  const id = (name: string) => `source-${source.id}-${name}`;
  const input = (name: keyof typeof values, label: string, type = 'text') => (
    <FieldShell id={id(name)} label={label}>
      {(control) => (
        <input
          type={type}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          {...control}
        />
      )}
    </FieldShell>
  );
  const save = async () => {
    const ok = await send(
      'PATCH',
      path,
      {
        title: values.title,
        publisher: values.publisher.trim() || null,
        publishedAt: values.publishedAt || null,
        kind: values.kind,
        archivedUrl: values.archivedUrl.trim() || null,
        excerpt: values.excerpt,
      },
      'Source saved.',
    );
    if (ok) onDone();
  };
  return (
    <fieldset className="add-source">
      <legend>Edit source: {source.title}</legend>
      {input('title', 'Title')}
      {input('publisher', 'Publisher')}
      {input('publishedAt', 'Date of the source', 'date')}
      <FieldShell id={id('kind')} label="Kind">
        {(control) => (
          <KindSelect value={values.kind} onChange={(kind) => setValues({ ...values, kind })} control={control} />
        )}
      </FieldShell>
      {input('archivedUrl', 'Archived copy (URL)', 'url')}
      <FieldShell id={id('excerpt')} label="Quoted excerpt">
        {(control) => (
          <textarea
            rows={2}
            value={values.excerpt}
            onChange={(e) => setValues({ ...values, excerpt: e.target.value })}
            {...control}
          />
        )}
      </FieldShell>
      <div className="step-buttons">
        <Button onClick={() => void save()}>Save source</Button>
        <Button variant="tool" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}

/** The claim's sources: add by URL or from the library, reorder, remove. */
export function SourcesEditor({ claim, error, send }: { claim: ClaimDetailDto; error?: string; send: Send }) {
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState('primary');
  const [excerpt, setExcerpt] = useState('');
  const [title, setTitle] = useState('');
  const [publisher, setPublisher] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [archivedUrl, setArchivedUrl] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ id: string; title: string; url: string }[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const base = `/api/v1/claims/${claim.id}/sources`;

  const add = async () => {
    const ok = await send(
      'POST',
      base,
      {
        url: url.trim(),
        kind,
        excerpt: excerpt || undefined,
        title: title || undefined,
        publisher: publisher || undefined,
        publishedAt: publishedAt || undefined,
        archivedUrl: archivedUrl.trim() || undefined,
      },
      'Source added.',
    );
    if (ok) {
      for (const reset of [setUrl, setExcerpt, setTitle, setPublisher, setPublishedAt, setArchivedUrl]) reset('');
    }
  };
  const search = async () => {
    const response = await fetch(`/api/v1/sources?q=${encodeURIComponent(query)}`);
    if (response.ok)
      setFound(((await response.json()) as { items: { id: string; title: string; url: string }[] }).items);
  };

  return (
    <section aria-labelledby="sources-heading" className="sources">
      <h3 id="sources-heading">Sources ({claim.sources.length})</h3>
      {error && (
        <p className="field-error" id="sources-error">
          {error}
        </p>
      )}
      <ol className="source-list" aria-label="Sources of this claim">
        {claim.sources.map((s, i) => (
          <li key={s.id}>
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
              {s.title}
            </a>{' '}
            <span className="meta">
              ({sourceKindLabels[s.kind]}
              {s.publisher ? `, ${s.publisher}` : ''})
            </span>
            {s.archivedUrl && (
              <>
                {' '}
                <a href={s.archivedUrl} target="_blank" rel="noopener noreferrer nofollow">
                  archived copy
                </a>
              </>
            )}
            {s.accessedAt && (
              <span className="meta">
                {' '}
                · accessed <LocalTime iso={s.accessedAt} mode="date" />
              </span>
            )}
            {s.excerpt && <blockquote className="excerpt">{s.excerpt}</blockquote>}
            {editing === s.id && (
              <SourceEditForm source={s} path={`${base}/${s.id}`} send={send} onDone={() => setEditing(null)} />
            )}
            <div className="step-buttons">
              <Button
                variant="tool"
                aria-expanded={editing === s.id}
                onClick={() => setEditing(editing === s.id ? null : s.id)}
                aria-label={`Edit source: ${s.title}`}
              >
                Edit
              </Button>
              <Button
                variant="tool"
                disabled={i === 0}
                onClick={() => void send('PATCH', `${base}/${s.id}`, { position: i - 1 }, 'Source moved up.')}
                aria-label={`Move up: ${s.title}`}
              >
                ↑
              </Button>
              <Button
                variant="tool"
                disabled={i === claim.sources.length - 1}
                onClick={() => void send('PATCH', `${base}/${s.id}`, { position: i + 1 }, 'Source moved down.')}
                aria-label={`Move down: ${s.title}`}
              >
                ↓
              </Button>
              <Button
                variant="tool"
                className="danger"
                onClick={() => void send('DELETE', `${base}/${s.id}`, undefined, 'Source removed.')}
                aria-label={`Remove source: ${s.title}`}
              >
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <fieldset className="add-source">
        <legend>Add a source</legend>
        <FieldShell id="source-url" label="Source URL">
          {(control) => (
            <input
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://"
              {...control}
            />
          )}
        </FieldShell>
        <FieldShell id="source-kind" label="Kind">
          {(control) => <KindSelect value={kind} onChange={setKind} control={control} />}
        </FieldShell>
        <FieldShell id="source-title" label="Title (fetched from the page when empty)">
          {(control) => <input value={title} onChange={(e) => setTitle(e.target.value)} {...control} />}
        </FieldShell>
        <FieldShell id="source-publisher" label="Publisher (fetched when empty)">
          {(control) => <input value={publisher} onChange={(e) => setPublisher(e.target.value)} {...control} />}
        </FieldShell>
        <FieldShell id="source-date" label="Date of the source (fetched when empty)">
          {(control) => (
            <input type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} {...control} />
          )}
        </FieldShell>
        <FieldShell id="source-archived" label="Archived copy (URL)">
          {(control) => (
            <input
              type="url"
              value={archivedUrl}
              onChange={(e) => setArchivedUrl(e.target.value)}
              placeholder="https://"
              {...control}
            />
          )}
        </FieldShell>
        <FieldShell id="source-excerpt" label="Quoted excerpt">
          {(control) => <textarea rows={2} value={excerpt} onChange={(e) => setExcerpt(e.target.value)} {...control} />}
        </FieldShell>
        <Button onClick={() => void add()}>Add source</Button>
      </fieldset>
      <fieldset className="add-source">
        <legend>Reuse a source from the library</legend>
        <FieldShell id="source-search" label="Search by URL or title">
          {(control) => <input value={query} onChange={(e) => setQuery(e.target.value)} {...control} />}
        </FieldShell>
        <Button variant="tool" onClick={() => void search()}>
          Search the library
        </Button>
        {found && (
          <ul aria-label="Sources found">
            {found.length === 0 && <li>No source matches.</li>}
            {found.map((s) => (
              <li key={s.id}>
                {s.title} <span className="meta">{s.url}</span>{' '}
                <Button variant="tool" onClick={() => void send('POST', base, { sourceId: s.id }, 'Source added.')}>
                  Use this source
                </Button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </section>
  );
}
