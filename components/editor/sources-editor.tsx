'use client';

import { useState } from 'react';
import { sourceKindLabels, sourceKinds, type ClaimDetailDto } from '@/lib/validation/verdicts';

const kinds = sourceKinds.map((k) => [k, sourceKindLabels[k]] as const);

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
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <input
        id={id(name)}
        type={type}
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      />
    </div>
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
      <div className="field">
        <label htmlFor={id('kind')}>Kind</label>
        <select id={id('kind')} value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })}>
          {kinds.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {input('archivedUrl', 'Archived copy (URL)', 'url')}
      <div className="field">
        <label htmlFor={id('excerpt')}>Quoted excerpt</label>
        <textarea
          id={id('excerpt')}
          rows={2}
          value={values.excerpt}
          onChange={(e) => setValues({ ...values, excerpt: e.target.value })}
        />
      </div>
      <div className="step-buttons">
        <button type="button" onClick={() => void save()}>
          Save source
        </button>
        <button type="button" className="tool" onClick={onDone}>
          Cancel
        </button>
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
            {s.accessedAt && <span className="meta"> · accessed {s.accessedAt.slice(0, 10)}</span>}
            {s.excerpt && <blockquote className="excerpt">{s.excerpt}</blockquote>}
            {editing === s.id && (
              <SourceEditForm source={s} path={`${base}/${s.id}`} send={send} onDone={() => setEditing(null)} />
            )}
            <div className="step-buttons">
              <button
                type="button"
                className="tool"
                aria-expanded={editing === s.id}
                onClick={() => setEditing(editing === s.id ? null : s.id)}
                aria-label={`Edit source: ${s.title}`}
              >
                Edit
              </button>
              <button
                type="button"
                className="tool"
                disabled={i === 0}
                onClick={() => void send('PATCH', `${base}/${s.id}`, { position: i - 1 }, 'Source moved up.')}
                aria-label={`Move up: ${s.title}`}
              >
                ↑
              </button>
              <button
                type="button"
                className="tool"
                disabled={i === claim.sources.length - 1}
                onClick={() => void send('PATCH', `${base}/${s.id}`, { position: i + 1 }, 'Source moved down.')}
                aria-label={`Move down: ${s.title}`}
              >
                ↓
              </button>
              <button
                type="button"
                className="tool danger"
                onClick={() => void send('DELETE', `${base}/${s.id}`, undefined, 'Source removed.')}
                aria-label={`Remove source: ${s.title}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <fieldset className="add-source">
        <legend>Add a source</legend>
        <div className="field">
          <label htmlFor="source-url">Source URL</label>
          <input
            id="source-url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
          />
        </div>
        <div className="field">
          <label htmlFor="source-kind">Kind</label>
          <select id="source-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="source-title">Title (fetched from the page when empty)</label>
          <input id="source-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="source-publisher">Publisher (fetched when empty)</label>
          <input id="source-publisher" value={publisher} onChange={(e) => setPublisher(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="source-date">Date of the source (fetched when empty)</label>
          <input id="source-date" type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="source-archived">Archived copy (URL)</label>
          <input
            id="source-archived"
            type="url"
            value={archivedUrl}
            onChange={(e) => setArchivedUrl(e.target.value)}
            placeholder="https://"
          />
        </div>
        <div className="field">
          <label htmlFor="source-excerpt">Quoted excerpt</label>
          <textarea id="source-excerpt" rows={2} value={excerpt} onChange={(e) => setExcerpt(e.target.value)} />
        </div>
        <button type="button" onClick={() => void add()}>
          Add source
        </button>
      </fieldset>
      <fieldset className="add-source">
        <legend>Reuse a source from the library</legend>
        <div className="field">
          <label htmlFor="source-search">Search by URL or title</label>
          <input id="source-search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <button type="button" className="tool" onClick={() => void search()}>
          Search the library
        </button>
        {found && (
          <ul aria-label="Sources found">
            {found.length === 0 && <li>No source matches.</li>}
            {found.map((s) => (
              <li key={s.id}>
                {s.title} <span className="meta">{s.url}</span>{' '}
                <button
                  type="button"
                  className="tool"
                  onClick={() => void send('POST', base, { sourceId: s.id }, 'Source added.')}
                >
                  Use this source
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </section>
  );
}
