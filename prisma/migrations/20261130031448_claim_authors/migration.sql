-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "authorIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3);

-- Until now only a verdict's first writer and its last changer were known: they, the claim's creator and its
-- last changer count as its authors, so none of them may approve it.
UPDATE "Claim" c SET "authorIds" = ARRAY(
  SELECT DISTINCT x FROM unnest(ARRAY[
    c."createdById",
    c."updatedById",
    (SELECT v."authorId" FROM "Verdict" v WHERE v."claimId" = c.id),
    (SELECT v."updatedById" FROM "Verdict" v WHERE v."claimId" = c.id)
  ]) AS x WHERE x IS NOT NULL);

-- Approvals made before reviews recorded what they approved cannot be published from: they go back to review.
UPDATE "Claim" SET status = 'IN_REVIEW' WHERE status = 'APPROVED';
