-- Staff search's misspelling fallback (`<%` word similarity) on imported claims, as on the newsroom's own
-- claims (ClaimMatchText_original_trgm_idx): without it every short fuzzy query read every imported claim.
CREATE INDEX "ImportedClaim_claimReviewed_trgm_idx" ON "ImportedClaim" USING gin (lower(public.factmark_unaccent("claimReviewed")) gin_trgm_ops);
