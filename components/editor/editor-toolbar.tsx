'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { memo, useRef } from 'react';
import {
  Bold,
  Heading2,
  Heading3,
  Highlighter,
  Italic,
  Link,
  List,
  ListOrdered,
  Sparkles,
  TextQuote,
  type LucideIcon,
} from 'lucide-react';
import { Button } from '@/components/ui/button';
import { IconButton } from '@/components/ui/icon-button';
import { useRovingFocus } from '@/components/ui/use-roving-focus';
import { ShortcutsPopover, WORKSPACE_SHORTCUTS } from './shortcuts-popover';

interface ToolbarProps {
  editor: Editor;
  /** Without it, no "Mark claim" button (the explanation editor). */
  onMarkClaim?: () => void;
  /** Without it, no "Suggest claims" button. */
  onSuggestClaims?: () => void;
  label?: string;
}

interface Tool {
  label: string;
  icon: LucideIcon;
  /** Tiptap's own key for it, shown in the tooltip and announced (aria-keyshortcuts). */
  shortcut?: string;
  active: boolean;
  run: () => void;
}

const shown = (shortcut: string) => shortcut.replace('Control', 'Ctrl');

/** Formatting the editor schema allows, and "Mark claim": icon buttons with tooltips, on one row. */
export const EditorToolbar = memo(function EditorToolbar({
  editor,
  onMarkClaim,
  onSuggestClaims,
  label = 'Formatting',
}: ToolbarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(bar);
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
  const tools: Tool[][] = [
    [
      { label: 'Bold', icon: Bold, shortcut: 'Control+B', active: active.bold, run: () => chain().toggleBold().run() },
      {
        label: 'Italic',
        icon: Italic,
        shortcut: 'Control+I',
        active: active.italic,
        run: () => chain().toggleItalic().run(),
      },
      { label: 'Link', icon: Link, active: active.link, run: setLink },
    ],
    [
      {
        label: 'Heading',
        icon: Heading2,
        shortcut: 'Control+Alt+2',
        active: active.h2,
        run: () => chain().toggleHeading({ level: 2 }).run(),
      },
      {
        label: 'Subheading',
        icon: Heading3,
        shortcut: 'Control+Alt+3',
        active: active.h3,
        run: () => chain().toggleHeading({ level: 3 }).run(),
      },
      {
        label: 'Bulleted list',
        icon: List,
        shortcut: 'Control+Shift+8',
        active: active.bulletList,
        run: () => chain().toggleBulletList().run(),
      },
      {
        label: 'Numbered list',
        icon: ListOrdered,
        shortcut: 'Control+Shift+7',
        active: active.orderedList,
        run: () => chain().toggleOrderedList().run(),
      },
      {
        label: 'Quote',
        icon: TextQuote,
        shortcut: 'Control+Shift+B',
        active: active.blockquote,
        run: () => chain().toggleBlockquote().run(),
      },
    ],
  ];
  return (
    <div role="toolbar" aria-label={label} className="toolbar" ref={bar} {...roving}>
      {tools.map((group, i) => (
        <div key={i} className="toolbar-group">
          {group.map((tool) => (
            <IconButton
              key={tool.label}
              label={tool.label}
              icon={tool.icon}
              shortcut={tool.shortcut && shown(tool.shortcut)}
              aria-keyshortcuts={tool.shortcut}
              aria-pressed={tool.active}
              onClick={tool.run}
            />
          ))}
        </div>
      ))}
      {(onMarkClaim ?? onSuggestClaims) && (
        <div className="toolbar-group toolbar-claims">
          {onMarkClaim && (
            <Button
              variant="tool"
              className="mark-claim"
              onClick={onMarkClaim}
              aria-keyshortcuts="Control+Shift+C"
              title="Mark the selected words as a claim (Ctrl+Shift+C)"
            >
              <Highlighter aria-hidden="true" size={16} focusable="false" /> Mark claim
            </Button>
          )}
          {onSuggestClaims && (
            <Button variant="tool" onClick={onSuggestClaims} title="Underline the sentences most worth checking">
              <Sparkles aria-hidden="true" size={16} focusable="false" /> Suggest claims
            </Button>
          )}
          {onMarkClaim && (
            <ShortcutsPopover
              shortcuts={[
                ...WORKSPACE_SHORTCUTS,
                ...tools.flat().flatMap((t) => (t.shortcut ? [{ action: t.label, keys: shown(t.shortcut) }] : [])),
              ]}
            />
          )}
        </div>
      )}
    </div>
  );
});
