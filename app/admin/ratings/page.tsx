import type { Metadata } from 'next';
import { CreateRatingForm, RatingRow } from '@/components/admin/rating-forms';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listRatings } from '@/lib/data/ratings/list-ratings';

export const metadata: Metadata = { title: 'Rating scale' };

export default async function RatingsAdminPage() {
  await requirePageActor('/admin/ratings', 'manageRatings');
  const scale = await listRatings();
  return (
    <>
      <h1>Rating scale</h1>
      <p>
        Ratings in use are offered to editors in this order. A rating that was used is never deleted: take it out of use
        instead. Renaming does not change published fact-checks. The public explanation is at{' '}
        <a href="/ratings">/ratings</a>.
      </p>
      {scale.items.map((r, i) => (
        <RatingRow key={r.id} rating={r} index={i} />
      ))}
      <h2>Add a rating</h2>
      <CreateRatingForm />
    </>
  );
}
