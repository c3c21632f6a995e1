'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { explanationExtensions } from '@/lib/editor/extensions';
import { EditorToolbar } from './editor-toolbar';

/** The explanation as rich text, in the article editor's schema (so it is sanitized the same way). */
export function ExplanationEditor({
  initial,
  error,
  onChange,
}: {
  initial: Record<string, unknown> | null;
  error?: string;
  onChange: (doc: JSONContent) => void;
}) {
  const editor = useEditor({
    extensions: explanationExtensions,
    content: (initial as JSONContent | null) ?? { type: 'doc', content: [{ type: 'paragraph' }] },
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: 'editor-content explanation-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'claim-explanation-label',
        'aria-describedby': 'claim-explanation-error',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });
  return (
    <div className="field">
      <span id="claim-explanation-label" className="label">
        Explanation
      </span>
      {editor && <EditorToolbar editor={editor} label="Explanation formatting" />}
      <EditorContent editor={editor} />
      {/* The editor's attributes are set once: it is described by this element, which has words only when refused. */}
      <p className="field-error" id="claim-explanation-error" hidden={!error}>
        {error}
      </p>
    </div>
  );
}
