import Link from 'next/link';
import type { FormState } from '@/lib/validation/form-state';
import { OmittedList } from './omitted-list';

/** After an import that left media out: what was left out (kind, alt text, address), and the way on to the article. */
export function ImportNotice({ imported }: { imported: FormState['imported'] }) {
  if (!imported) return null;
  return (
    <div className="notice import-notice">
      <p>
        <Link href={`/articles/${imported.articleId}`}>
          Open “<bdi>{imported.title}</bdi>”
        </Link>
      </p>
      <p>Left out — add them by hand where the article needs them:</p>
      <OmittedList items={imported.omitted} />
    </div>
  );
}
