'use client';

import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { plainText } from '@/lib/editor/plain-text';
import { diffText, type DiffPart } from '@/lib/publishing/text-diff';
import type { ArticleDto } from '@/lib/validation/articles';

/** After a conflict: the server's version with its differences from this tab's text, and taking it instead. */
export function useServerCopy(articleId: string, editor: Editor | null, adopt: (server: ArticleDto) => void) {
  const [serverCopy, setServerCopy] = useState<(ArticleDto & { diff: DiffPart[] }) | null>(null);
  const show = async () => {
    const response = await fetch(`/api/v1/articles/${articleId}`);
    if (!response.ok || !editor) return;
    const server = (await response.json()) as ArticleDto;
    setServerCopy({ ...server, diff: diffText(plainText(editor.state.doc).text, server.plainText).parts });
  };
  const take = () => {
    if (!serverCopy || !editor) return;
    editor.commands.setContent(serverCopy.content, { emitUpdate: false });
    adopt(serverCopy);
    setServerCopy(null);
  };
  return { serverCopy, show, take, close: () => setServerCopy(null) };
}
