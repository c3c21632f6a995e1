import { createRatingInput, ratingDto, ratingScaleDto, updateRatingInput } from '@/lib/validation/ratings';
import { op } from './operation';

/** The /api/v1 operations tagged Ratings. */
export const ratingOperations = {
  listRatings: op({
    method: 'GET',
    path: '/api/v1/ratings',
    summary: 'The rating scale in order, with bestRating/worstRating from its ordinal ratings',
    tag: 'Ratings',
    access: 'public',
    who: 'anyone',
    response: ratingScaleDto,
    status: 200,
  }),
  createRating: op({
    method: 'POST',
    path: '/api/v1/ratings',
    summary: 'Add a rating to the scale',
    tag: 'Ratings',
    access: 'signed-in',
    who: 'admin',
    body: createRatingInput,
    response: ratingDto,
    status: 201,
  }),
  updateRating: op({
    method: 'PATCH',
    path: '/api/v1/ratings/{id}',
    summary: 'Rename, recolour, reorder or (de)activate a rating; ratings are never deleted',
    tag: 'Ratings',
    access: 'signed-in',
    who: 'admin',
    body: updateRatingInput,
    response: ratingDto,
    status: 200,
  }),
};
