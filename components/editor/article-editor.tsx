'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TextPosition } from '@/lib/anchoring/quote';
import { markClaimRefusal } from '@/lib/editor/claim-mark';
import { removeClaimMarkSteps } from '@/lib/editor/claim-marks-remove';
import { claimRanges } from '@/lib/editor/claim-marks';
import { collabExtensions } from '@/lib/editor/collab-extensions';
import { editorExtensions } from '@/lib/editor/extensions';
import { plainText } from '@/lib/editor/plain-text';
import { diffText, type DiffPart } from '@/lib/publishing/text-diff';
import { articleTitle, claimDto, type ArticleDto, type ClaimDto } from '@/lib/validation/articles';
import type { RatingDto } from '@/lib/validation/ratings';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { ClaimPanel } from './claim-panel';
import { ClaimLabels, claimLabelsKey } from './claim-labels';
import { ClaimSuggestions } from './claim-suggestions';
import { CollabPresence, PeopleNamed } from './collab-presence';
import { ClaimsSidebar, claimState, type SidebarClaim } from './claims-sidebar';
import { EditorToolbar } from './editor-toolbar';
import { highlightStyles } from './highlight-styles';
import { RemoveHighlightDialog } from './remove-highlight-dialog';
import { SaveStatus } from './save-status';
import { SuggestedClaims, useClaimSuggestions } from './suggested-claims';
import { useAutosave, type SaveState } from './use-autosave';
import { useCollaboration, type CollabUser, type Peer } from './use-collaboration';

const REFRESH_MS = 250;
/** Why a typed title cannot be saved, or null; an empty title keeps the stored one. */
function titleProblem(value: string): string | null {
  if (value.trim() === '') return null;
  const checked = articleTitle.safeParse(value);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'This title cannot be saved.');
}

const byDocumentOrder = (a: [string, TextPosition], b: [string, TextPosition]) =>
  a[1].start - b[1].start || b[1].end - a[1].end;

/** `collab`: the signed-in person when the text is edited live with others (FACTMARK_COLLAB); null: saved through the API alone. */
export function ArticleEditor({
  article,
  dir,
  ratings,
  initialClaimId = null,
  collab = null,
}: {
  article: ArticleDto;
  dir: 'ltr' | 'rtl';
  ratings: RatingDto[];
  initialClaimId?: string | null;
  collab?: CollabUser | null;
}) {
  const [title, setTitle] = useState(article.title);
  const [claims, setClaims] = useState<ClaimDto[]>(article.claims);
  const [ranges, setRanges] = useState<Map<string, TextPosition>>(new Map());
  const [text, setText] = useState(article.plainText);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(initialClaimId);
  const [removing, setRemoving] = useState<string | null>(null);
  const [serverCopy, setServerCopy] = useState<(ArticleDto & { diff: DiffPart[] }) | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Claims whose deletion is decided but not yet saved: state for rendering, a ref for the save.
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  const pendingDeletes = useRef(new Set<string>());
  const sentDeletes = useRef<string[]>([]);
  const titleRef = useRef(title);
  const editorRef = useRef<ReturnType<typeof useEditor>>(null);
  const decideDelete = (id: string) => {
    pendingDeletes.current.add(id);
    setDeleting(new Set(pendingDeletes.current));
  };

  const titleError = titleProblem(title);

  const autosave = useAutosave(
    article.id,
    article.version,
    collab !== null,
    () => {
      sentDeletes.current = [...pendingDeletes.current];
      // A title the server would refuse stays out of the save, so the text is still saved while the title is fixed.
      const title = titleProblem(titleRef.current) ? undefined : titleRef.current.trim() || undefined;
      // Live, the text and its claims are saved by the collaboration server; only the title goes through here.
      if (collab) return { title };
      return {
        title,
        content: editorRef.current?.getJSON() as Record<string, unknown>,
        deleteClaims: sentDeletes.current,
      };
    },
    (saved) => {
      for (const id of sentDeletes.current) pendingDeletes.current.delete(id);
      setClaims(saved.claims);
    },
  );

  // Live: claims marked, saved or reviewed by anyone are fetched again when the server says so.
  const refreshClaims = useCallback(async () => {
    const response = await fetch(`/api/v1/articles/${article.id}`);
    if (response.ok) setClaims(((await response.json()) as ArticleDto).claims);
  }, [article.id]);
  const [liveError, setLiveError] = useState<string | null>(null);
  const knownVersion = useRef(article.version);
  const { live, peers, connected, hasUnsaved, unsynced, showOpenClaim } = useCollaboration(
    article.id,
    collab,
    (message) => {
      if (message.type === 'error') {
        setLiveError(message.message);
        setAnnouncement(message.message);
      } else if (message.type === 'saved') {
        setLiveError(null);
        autosave.rebase(message.version);
        if (message.version === knownVersion.current) return;
        knownVersion.current = message.version;
        void refreshClaims();
      } else void refreshClaims();
    },
  );
  // Live, the status says whether this person's own text is in the database yet; the title's save comes first.
  const liveSave = (): { state: SaveState; message: string | null } => {
    if (!collab || autosave.state !== 'saved') return { state: autosave.state, message: autosave.message };
    if (liveError && hasUnsaved) return { state: 'error', message: liveError };
    if (hasUnsaved && !connected)
      return {
        state: 'offline',
        message: 'Offline: your changes are kept in this tab and saved when the connection is back.',
      };
    return { state: hasUnsaved ? 'saving' : 'saved', message: null };
  };
  const saveStatus = liveSave();
  useEffect(() => showOpenClaim(openId), [openId, showOpenClaim]);
  // Who else has which claim open: on its card in the list, and above its details.
  const viewers = useMemo(() => {
    const byClaim = new Map<string, Peer[]>();
    for (const peer of peers)
      if (!peer.isSelf && peer.claimId) byClaim.set(peer.claimId, [...(byClaim.get(peer.claimId) ?? []), peer]);
    return byClaim;
  }, [peers]);

  const knownRanges = useRef(new Map<string, TextPosition>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshLocal = useCallback((doc: Parameters<typeof claimRanges>[0]) => {
    setRanges(claimRanges(doc));
    setText(plainText(doc).text);
  }, []);

  const editor = useEditor(
    {
      extensions: live
        ? [...collabExtensions(live.document, live.provider.awareness), ClaimLabels, ClaimSuggestions]
        : [...editorExtensions, ClaimLabels, ClaimSuggestions],
      // Live, the text comes from the shared document; until it is synced, the stored text shows read-only.
      content: live ? undefined : article.content,
      editable: !collab || live !== null,
      immediatelyRender: false,
      editorProps: {
        attributes: {
          class: 'editor-content article-body',
          'aria-label': 'Article text',
          'aria-multiline': 'true',
          lang: article.language,
          dir,
        },
        handleClick: (view, pos) => {
          const marks = view.state.doc
            .resolve(pos)
            .marks()
            .filter((m) => m.type.name === 'claim');
          const current = claimRanges(view.state.doc);
          const inner = marks
            .map((m) => String(m.attrs.id))
            .sort((a, b) => {
              const ra = current.get(a);
              const rb = current.get(b);
              return (ra ? ra.end - ra.start : 0) - (rb ? rb.end - rb.start : 0);
            })[0];
          if (inner) {
            setActiveId(inner);
            document.getElementById(`claim-item-${inner}`)?.scrollIntoView({ block: 'nearest' });
          }
          return false;
        },
      },
      onCreate: ({ editor: e }) => {
        knownRanges.current = claimRanges(e.state.doc);
        refreshLocal(e.state.doc);
      },
      onUpdate: ({ editor: e, transaction }) => {
        if (!transaction.docChanged) return;
        if (!collab) autosave.changed();
        // The sidebar follows after a pause: recomputing it on every keystroke would cost more than a frame.
        clearTimeout(refreshTimer.current);
        refreshTimer.current = setTimeout(() => {
          const after = claimRanges(e.state.doc);
          const before = knownRanges.current;
          knownRanges.current = after;
          refreshLocal(e.state.doc);
          const lost = [...before.keys()].filter((id) => !after.has(id));
          if (lost.length > 0)
            setAnnouncement(
              `${lost.length === 1 ? 'A claim was' : `${lost.length} claims were`} detached: its words were removed. See “Detached claims”.`,
            );
          if (!collab && [...after.keys()].some((id) => !before.has(id))) autosave.changed(true);
        }, REFRESH_MS);
      },
    },
    [live],
  );
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);
  const suggestions = useClaimSuggestions(editor, article.id);

  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const ordered: SidebarClaim[] = useMemo(
    () =>
      [...ranges.entries()]
        .sort(byDocumentOrder)
        .map(([id, r]) => ({ id, quote: text.slice(r.start, r.end), claim: claimsById.get(id) ?? null })),
    [ranges, text, claimsById],
  );
  const detached = useMemo(
    () => claims.filter((c) => !ranges.has(c.id) && !deleting.has(c.id)),
    [claims, ranges, deleting],
  );
  const styles = useMemo(
    () =>
      highlightStyles(
        ordered.map((c) => ({ id: c.id, state: claimState(c.claim), colour: c.claim?.rating?.colour ?? null })),
        activeId,
      ),
    [ordered, activeId],
  );

  // A save returns the same claims as new objects: the labels are rebuilt only when their words change.
  const labelsKey = useRef('');
  const stateLabel = useTranslations('claimStatus');
  useEffect(() => {
    if (!editor) return;
    const labels = new Map(
      claims.map((c) => [c.id, [stateLabel(claimState(c)), c.rating?.label].filter(Boolean).join(', ')]),
    );
    const key = JSON.stringify([...labels]);
    if (key === labelsKey.current) return;
    labelsKey.current = key;
    editor.view.dispatch(editor.state.tr.setMeta(claimLabelsKey, labels).setMeta('addToHistory', false));
  }, [editor, claims, stateLabel]);

  // Why "Mark claim" did nothing, shown beside the toolbar (and announced) until the next mark.
  const [markHint, setMarkHint] = useState<string | null>(null);
  const refuseMark = () => {
    const hint =
      editor && markClaimRefusal(editor.state) === 'duplicate'
        ? 'These words are already marked as a claim: select other words, or open that claim.'
        : 'Select the words of the claim first, then choose “Mark claim” (Ctrl+Shift+C).';
    setMarkHint(hint);
    setAnnouncement(hint);
  };
  const markClaim = () => {
    if (!editor?.chain().focus().markClaim().run()) refuseMark();
    else {
      setMarkHint(null);
      setAnnouncement('Claim marked.');
    }
  };

  const select = (id: string) => {
    const range = ranges.get(id);
    if (!editor || !range) return;
    const pt = plainText(editor.state.doc);
    editor
      .chain()
      .focus()
      .setTextSelection({ from: pt.toPos(range.start, 'start'), to: pt.toPos(range.end, 'end') })
      .scrollIntoView()
      .run();
    setActiveId(id);
  };

  const step = (direction: 1 | -1) => {
    if (ordered.length === 0) return;
    const index = ordered.findIndex((c) => c.id === activeId);
    const next = ordered[(index + direction + ordered.length) % ordered.length] ?? ordered[0];
    if (next) {
      select(next.id);
      document.getElementById(`claim-item-${next.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const removeHighlight = (id: string, deleteClaim: boolean) => {
    setRemoving(null);
    if (!editor) return;
    const tr = removeClaimMarkSteps(editor.state.tr, id);
    if (deleteClaim) decideDelete(id);
    editor.view.dispatch(tr);
    setAnnouncement(deleteClaim ? 'Claim deleted.' : 'Highlight removed; the claim is kept under “Detached claims”.');
    if (!collab) autosave.changed(true);
  };

  const attach = (id: string) => {
    if (!editor?.chain().focus().attachClaim(id).run())
      setAnnouncement('Select the words to attach the claim to first.');
  };

  const deleteDetached = (id: string) => {
    decideDelete(id);
    setAnnouncement('Claim deleted.');
    autosave.changed(true);
  };

  const showServerVersion = async () => {
    const response = await fetch(`/api/v1/articles/${article.id}`);
    if (!response.ok || !editor) return;
    const server = (await response.json()) as ArticleDto;
    setServerCopy({ ...server, diff: diffText(plainText(editor.state.doc).text, server.plainText).parts });
  };

  const useServerVersion = () => {
    if (!serverCopy || !editor) return;
    editor.commands.setContent(serverCopy.content, { emitUpdate: false });
    refreshLocal(editor.state.doc);
    setTitle(serverCopy.title);
    titleRef.current = serverCopy.title;
    setClaims(serverCopy.claims);
    autosave.adopt(serverCopy.version);
    setServerCopy(null);
  };

  // The open claim is in the address (?claim=…): Back closes it, and a link can point at one claim.
  const openClaim = useCallback((id: string | null) => {
    setOpenId(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('claim', id);
    else url.searchParams.delete('claim');
    if (url.href !== window.location.href) window.history.pushState(null, '', url);
  }, []);
  useEffect(() => {
    const follow = () => setOpenId(new URL(window.location.href).searchParams.get('claim'));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const onClaimChanged = useCallback((detail: ClaimDetailDto) => {
    // The list keeps the summary fields only.
    const summary: ClaimDto = claimDto.parse(detail);
    setClaims((cs) => cs.map((c) => (c.id === detail.id ? summary : c)));
  }, []);

  // Stable functions for the memoized sidebar, always calling this render's handlers.
  const latest = useRef({ select, attach, deleteDetached, step });
  useEffect(() => {
    latest.current = { select, attach, deleteDetached, step };
  });
  const sidebarActions = useMemo(
    () => ({
      select: (id: string) => latest.current.select(id),
      attach: (id: string) => latest.current.attach(id),
      deleteDetached: (id: string) => latest.current.deleteDetached(id),
      step: (direction: 1 | -1) => latest.current.step(direction),
    }),
    [],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    // The editor's own Ctrl+Shift+C handles the key when it marks; left unhandled, it refused.
    if (
      (event.ctrlKey || event.metaKey) &&
      event.shiftKey &&
      event.key.toLowerCase() === 'c' &&
      event.target === editor?.view.dom
    ) {
      if (event.defaultPrevented) setMarkHint(null);
      else {
        event.preventDefault();
        refuseMark();
      }
      return;
    }
    if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      step(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div className="editor-layout" onKeyDown={onKeyDown}>
      <style>{styles}</style>
      <div className="editor-main">
        <label htmlFor="article-title" className="visually-hidden">
          Title
        </label>
        <input
          id="article-title"
          className="title-input"
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? 'article-title-error' : undefined}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            titleRef.current = e.target.value;
            autosave.changed();
          }}
        />
        {titleError && (
          <p className="field-error" id="article-title-error">
            Title: {titleError} The title is not saved until it fits; the text is saved.
          </p>
        )}
        <SaveStatus state={saveStatus.state} message={saveStatus.message} unsynced={collab ? unsynced : undefined} />
        {collab && <CollabPresence peers={peers} connected={connected} />}
        {autosave.state === 'conflict' && (
          <div className="conflict" role="alert">
            <p>{autosave.message}</p>
            <div className="step-buttons">
              <button type="button" onClick={() => void showServerVersion()}>
                Show the server version
              </button>
              <button type="button" onClick={() => void autosave.overwrite()}>
                Overwrite with my version
              </button>
            </div>
          </div>
        )}
        {serverCopy && (
          <section className="server-copy" aria-labelledby="server-copy-heading">
            <h2 id="server-copy-heading">Server version {serverCopy.version}</h2>
            <p className="field-hint diff">
              Differences from your text: <ins>only in the server version</ins>, <del>only in yours</del>.
            </p>
            <div className="server-copy-text diff">
              {serverCopy.diff.map((part, i) =>
                part.added ? (
                  <ins key={i}>{part.value}</ins>
                ) : part.removed ? (
                  <del key={i}>{part.value}</del>
                ) : (
                  <span key={i}>{part.value}</span>
                ),
              )}
            </div>
            <div className="step-buttons">
              <button type="button" onClick={useServerVersion}>
                Use the server version (discard mine)
              </button>
              <button type="button" onClick={() => setServerCopy(null)}>
                Close
              </button>
            </div>
          </section>
        )}
        {/* Live, the tools come with the shared document: what they did to the stored text shown meanwhile would be lost. */}
        {editor && (!collab || live) && (
          <EditorToolbar editor={editor} onMarkClaim={markClaim} onSuggestClaims={() => void suggestions.suggest()} />
        )}
        {markHint && (
          <p className="field-hint mark-hint" id="mark-claim-hint">
            {markHint}
          </p>
        )}
        {editor && (
          <BubbleMenu
            editor={editor}
            className="bubble-menu"
            shouldShow={({ state }) => markClaimRefusal(state) === null}
          >
            <button type="button" className="tool mark-claim" onClick={markClaim}>
              Mark claim
            </button>
          </BubbleMenu>
        )}
        <EditorContent editor={editor} />
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
      {openId ? (
        <aside className="claims-panel" aria-label="Claim details">
          {viewers.get(openId) && <PeopleNamed label="Also open by" people={viewers.get(openId) ?? []} />}
          <ClaimPanel
            key={openId}
            claimId={openId}
            ratings={ratings}
            onChanged={onClaimChanged}
            onClose={() => openClaim(null)}
          />
        </aside>
      ) : (
        <div className="editor-side">
          {editor && (
            <SuggestedClaims
              editor={editor}
              status={suggestions.status}
              onHide={suggestions.hide}
              onAnnounce={setAnnouncement}
            />
          )}
          <ClaimsSidebar
            onOpen={openClaim}
            claims={ordered}
            detached={detached}
            activeId={activeId}
            onSelect={sidebarActions.select}
            onRemoveHighlight={setRemoving}
            onAttach={sidebarActions.attach}
            onDeleteDetached={sidebarActions.deleteDetached}
            onStep={sidebarActions.step}
            viewers={viewers}
          />
        </div>
      )}
      <RemoveHighlightDialog
        claimQuote={removing ? (ordered.find((c) => c.id === removing)?.quote ?? '') : null}
        onDelete={() => removing && removeHighlight(removing, true)}
        onKeep={() => removing && removeHighlight(removing, false)}
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}
