import { Skeleton } from '@/components/ui/skeleton';

/** Shown at once on the way to the dashboard while its lists are read. */
export default function DashboardLoading() {
  return (
    <>
      <h1>Dashboard</h1>
      <Skeleton lines={6} label="Loading the dashboard…" />
    </>
  );
}
