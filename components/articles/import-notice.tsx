import Link from 'next/link';
import type { FormState } from '@/lib/validation/form-state';

const KIND_LABEL = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  frame: 'Embedded frame',
  embed: 'Embedded object',
  graphic: 'Graphic',
} as const;

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
      <ul>
        {imported.omitted.map((item, i) => (
          <li key={i}>
            {KIND_LABEL[item.kind]}
            {item.description ? (
              <>
                : “<bdi>{item.description}</bdi>”
              </>
            ) : (
              ' (no description)'
            )}
            {item.url && (
              <>
                {' '}
                — <span className="omitted-url">{item.url}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
