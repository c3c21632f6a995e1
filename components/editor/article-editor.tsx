'use client';

import { EditorContent, type useEditor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { markClaimRefusal } from '@/lib/editor/claim-mark';
import { claimRanges } from '@/lib/editor/claim-marks';
import { removeClaimMarkSteps } from '@/lib/editor/claim-marks-remove';
import { plainText } from '@/lib/editor/plain-text';
import { claimDto, type ArticleDto, type ClaimDto, type OmittedItem } from '@/lib/validation/articles';
import type { RatingDto } from '@/lib/validation/ratings';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { Button } from '@/components/ui/button';
import { ClaimPanel } from './claim-panel';
import { CollabPresence, PeopleNamed } from './collab-presence';
import { ConflictNotice, ServerCopy } from './conflict-notice';
import { ClaimsSidebar } from './claims-sidebar';
import { EditorToolbar } from './editor-toolbar';
import { RemoveHighlightDialog } from './remove-highlight-dialog';
import { SaveStatus } from './save-status';
import { SuggestedClaims, useClaimSuggestions } from './suggested-claims';
import { TitleField, titleProblem } from './title-field';
import { PasteNotice } from './paste-notice';
import { useArticleText } from './use-article-text';
import { useAutosave } from './use-autosave';
import { useClaimLabels } from './use-claim-labels';
import { useClaimOrder } from './use-claim-order';
import type { CollabUser } from './use-collaboration';
import { useLiveArticle } from './use-live-article';
import { useMarkClaim } from './use-mark-claim';
import { useOpenClaim } from './use-open-claim';
import { useServerCopy } from './use-server-copy';

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
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, openClaim] = useOpenClaim(initialClaimId);
  const [removing, setRemoving] = useState<string | null>(null);
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

  const [pasteLeftOut, setPasteLeftOut] = useState<OmittedItem[] | null>(null);
  const { live, peers, connected, stopped, unsynced, saveStatus, viewers } = useLiveArticle({
    article,
    collab,
    autosave,
    openId,
    setClaims,
    announce: setAnnouncement,
  });

  const { editor, quotes, refreshLocal } = useArticleText({
    article,
    dir,
    live,
    isLive: collab !== null,
    onEdited: autosave.changed,
    onActivate: setActiveId,
    announce: setAnnouncement,
    onLeftOut: setPasteLeftOut,
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);
  const suggestions = useClaimSuggestions(editor, article.id);

  const { ordered, detached, styles } = useClaimOrder({ quotes, claims, deleting, activeId });

  useClaimLabels(editor, claims);

  const { markHint, markClaim, onMarkKey } = useMarkClaim(editor, setAnnouncement);
  // The toolbar's actions keep their identity, so that it does not re-render with every keystroke's status change.
  const toolbarActions = useRef({ markClaim, suggest: suggestions.suggest });
  useEffect(() => {
    toolbarActions.current = { markClaim, suggest: suggestions.suggest };
  });
  const onMarkClaim = useCallback(() => toolbarActions.current.markClaim(), []);
  const onSuggestClaims = useCallback(() => void toolbarActions.current.suggest(), []);

  const select = (id: string) => {
    // Where its words are now, not at the last refresh: someone may have typed before them since.
    const range = editor && claimRanges(editor.state.doc).get(id);
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

  const server = useServerCopy(article.id, editor, (copy) => {
    if (editor) refreshLocal(editor.state.doc);
    setTitle(copy.title);
    titleRef.current = copy.title;
    setClaims(copy.claims);
    autosave.adopt(copy.version);
  });

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

  // Opening a claim shows its words beside the panel; closing it (Back, Escape) returns the keyboard to its card.
  const shownId = useRef<string | null>(null);
  useEffect(() => {
    const previous = shownId.current;
    shownId.current = openId;
    const root = editor?.view.dom;
    if (openId) {
      const highlight = root?.querySelector(`mark[data-claim-id="${CSS.escape(openId)}"]`);
      if (window.matchMedia('(min-width: 68.75rem)').matches) highlight?.scrollIntoView({ block: 'center' });
      else window.scrollTo({ top: 0 });
      return;
    }
    if (!previous) return;
    const card = document.querySelector<HTMLElement>(`.claim-item[data-claim-id="${CSS.escape(previous)}"]`);
    const target =
      card?.querySelector<HTMLElement>('[aria-label^="Verdict and sources"]') ??
      root?.querySelector<HTMLElement>(`mark[data-claim-id="${CSS.escape(previous)}"]`);
    target?.scrollIntoView({ block: 'nearest' });
    target?.focus({ preventScroll: true });
  }, [openId, editor]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (onMarkKey(event)) return;
    if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      step(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div className={openId ? 'editor-layout has-open-claim' : 'editor-layout'} onKeyDown={onKeyDown}>
      <style>{styles}</style>
      <div className="editor-main">
        <TitleField
          value={title}
          onChange={(value) => {
            setTitle(value);
            titleRef.current = value;
            autosave.changed();
          }}
        />
        <SaveStatus state={saveStatus.state} message={saveStatus.message} unsynced={collab ? unsynced : undefined} />
        {collab && <CollabPresence peers={peers} connected={connected} stopped={stopped} />}
        {autosave.state === 'conflict' && (
          <ConflictNotice
            message={autosave.message}
            onShowServer={() => void server.show()}
            onOverwrite={() => void autosave.overwrite()}
          />
        )}
        {server.serverCopy && (
          <ServerCopy
            version={server.serverCopy.version}
            diff={server.serverCopy.diff}
            onUse={server.take}
            onClose={server.close}
          />
        )}
        {/* Live, the tools come with the shared document: what they did to the stored text shown meanwhile would be lost. */}
        {editor && (!collab || live) && (
          <EditorToolbar editor={editor} onMarkClaim={onMarkClaim} onSuggestClaims={onSuggestClaims} />
        )}
        {pasteLeftOut && <PasteNotice items={pasteLeftOut} onDismiss={() => setPasteLeftOut(null)} />}
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
            <Button variant="tool" className="mark-claim" onClick={markClaim}>
              Mark claim
            </Button>
          </BubbleMenu>
        )}
        <EditorContent editor={editor} />
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
      {openId ? (
        <aside className="claims-panel claim-sheet" aria-label="Claim details">
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
