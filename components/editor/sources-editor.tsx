'use client';

import { useState } from 'react';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';

const kinds = [
  ['primary', 'Primary document'],
  ['official-data', 'Official data'],
  ['expert', 'Expert'],
  ['news', 'News report'],
  ['other', 'Other'],
] as const;

type Send = (method: string, path: string, body: unknown, success: string) => Promise<boolean>;

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
    if (response.ok) setFound(((await response.json()) as { items: { id: string; title: string; url: string }[] }).items);
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
              ({kinds.find(([k]) => k === s.kind)?.[1]}
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
            <div className="step-buttons">
              <button type="button" className="tool" disabled={i === 0} onClick={() => void send('PATCH', `${base}/${s.id}`, { position: i - 1 }, 'Source moved up.')} aria-label={`Move up: ${s.title}`}>
                ↑
              </button>
              <button type="button" className="tool" disabled={i === claim.sources.length - 1} onClick={() => void send('PATCH', `${base}/${s.id}`, { position: i + 1 }, 'Source moved down.')} aria-label={`Move down: ${s.title}`}>
                ↓
              </button>
              <button type="button" className="tool danger" onClick={() => void send('DELETE', `${base}/${s.id}`, undefined, 'Source removed.')} aria-label={`Remove source: ${s.title}`}>
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
          <input id="source-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
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
          <input id="source-archived" type="url" value={archivedUrl} onChange={(e) => setArchivedUrl(e.target.value)} placeholder="https://" />
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
                <button type="button" className="tool" onClick={() => void send('POST', base, { sourceId: s.id }, 'Source added.')}>
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
