import { Skeleton } from '@/components/ui/skeleton';

/** Shown at once on the way to the review queue and a claim's review while they are read. */
export default function ReviewLoading() {
  return <Skeleton lines={6} label="Loading the review…" />;
}
