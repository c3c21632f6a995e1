import type { OmittedItem } from '@/lib/validation/articles';

const KIND_LABEL = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  frame: 'Embedded frame',
  embed: 'Embedded object',
  graphic: 'Graphic',
} as const;

/** Media an import or a paste left out, one a line: its kind, its alt text or title, and its address. */
export function OmittedList({ items }: { items: readonly OmittedItem[] }) {
  return (
    <ul className="omitted-list">
      {items.map((item, i) => (
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
  );
}
