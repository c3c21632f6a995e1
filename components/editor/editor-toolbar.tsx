'use client';

import type { Editor } from '@tiptap/react';

interface ToolbarProps {
  editor: Editor;
  onMarkClaim: () => void;
}

function ToolButton({ label, active, onClick, shortcut }: { label: string; active?: boolean; onClick: () => void; shortcut?: string }) {
  return (
    <button type="button" className="tool" aria-pressed={active} onClick={onClick} title={shortcut ? `${label} (${shortcut})` : label} aria-keyshortcuts={shortcut}>
      {label}
    </button>
  );
}

/** Formatting the editor schema allows, and "Mark claim". */
export function EditorToolbar({ editor, onMarkClaim }: ToolbarProps) {
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const href = window.prompt('Link address (http or https)', previous);
    if (href === null) return;
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  return (
    <div role="toolbar" aria-label="Formatting" className="toolbar">
      <ToolButton label="Bold" shortcut="Control+B" active={editor.isActive('bold')} onClick={() => chain().toggleBold().run()} />
      <ToolButton label="Italic" shortcut="Control+I" active={editor.isActive('italic')} onClick={() => chain().toggleItalic().run()} />
      <ToolButton label="Link" active={editor.isActive('link')} onClick={setLink} />
      <ToolButton label="Heading" active={editor.isActive('heading', { level: 2 })} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <ToolButton label="Subheading" active={editor.isActive('heading', { level: 3 })} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <ToolButton label="Bulleted list" active={editor.isActive('bulletList')} onClick={() => chain().toggleBulletList().run()} />
      <ToolButton label="Numbered list" active={editor.isActive('orderedList')} onClick={() => chain().toggleOrderedList().run()} />
      <ToolButton label="Quote" active={editor.isActive('blockquote')} onClick={() => chain().toggleBlockquote().run()} />
      <button type="button" className="tool mark-claim" onClick={onMarkClaim} aria-keyshortcuts="Control+Shift+C" title="Mark claim (Ctrl+Shift+C)">
        Mark claim
      </button>
    </div>
  );
}
