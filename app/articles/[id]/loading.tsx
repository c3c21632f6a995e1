import { Skeleton } from '@/components/ui/skeleton';

/** Shown at once on the way to an article (its editor, history, preview or publishing) while it is read. */
export default function ArticleLoading() {
  return <Skeleton lines={8} label="Loading the article…" />;
}
