'use client';

import { useEditorState, type Editor } from '@tiptap/react';

interface ToolbarProps {
  editor: Editor;
  /** Without it, no "Mark claim" button (the explanation editor). */
  onMarkClaim?: () => void;
  /** Without it, no "Suggest claims" button. */
  onSuggestClaims?: () => void;
  label?: string;
}

function ToolButton({
  label,
  active,
  onClick,
  shortcut,
}: {
  label: string;
  active?: boolean;
  onClick: () => void;
  shortcut?: string;
}) {
  return (
    <button
      type="button"
      className="tool"
      aria-pressed={active}
      onClick={onClick}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut}
    >
      {label}
    </button>
  );
}

/** Formatting the editor schema allows, and "Mark claim". */
export function EditorToolbar({ editor, onMarkClaim, onSuggestClaims, label = 'Formatting' }: ToolbarProps) {
  const chain = () => editor.chain().focus();
  // Only these flags re-render the toolbar, not every transaction.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
    }),
  });
  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const href = window.prompt('Link address (http or https)', previous);
    if (href === null) return;
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  return (
    <div role="toolbar" aria-label={label} className="toolbar">
      <ToolButton label="Bold" shortcut="Control+B" active={active.bold} onClick={() => chain().toggleBold().run()} />
      <ToolButton
        label="Italic"
        shortcut="Control+I"
        active={active.italic}
        onClick={() => chain().toggleItalic().run()}
      />
      <ToolButton label="Link" active={active.link} onClick={setLink} />
      <ToolButton label="Heading" active={active.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <ToolButton label="Subheading" active={active.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <ToolButton label="Bulleted list" active={active.bulletList} onClick={() => chain().toggleBulletList().run()} />
      <ToolButton label="Numbered list" active={active.orderedList} onClick={() => chain().toggleOrderedList().run()} />
      <ToolButton label="Quote" active={active.blockquote} onClick={() => chain().toggleBlockquote().run()} />
      {onMarkClaim && (
        <button
          type="button"
          className="tool mark-claim"
          onClick={onMarkClaim}
          aria-keyshortcuts="Control+Shift+C"
          title="Mark claim (Ctrl+Shift+C)"
        >
          Mark claim
        </button>
      )}
      {onSuggestClaims && (
        <button
          type="button"
          className="tool"
          onClick={onSuggestClaims}
          title="Underline the sentences most worth checking"
        >
          Suggest claims
        </button>
      )}
    </div>
  );
}
