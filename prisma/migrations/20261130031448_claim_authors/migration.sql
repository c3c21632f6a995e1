-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "authorIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3);

-- Until now the verdict's first writer and its last changer were all that was known of a claim's authors:
-- they, the claim's creator and last changer, and everyone the audit log shows changing its words, fields,
-- verdict or sources count as its authors, so none of them may approve it.
UPDATE "Claim" c SET "authorIds" = ARRAY(
  SELECT DISTINCT x FROM unnest(ARRAY[
    c."createdById",
    c."updatedById",
    (SELECT v."authorId" FROM "Verdict" v WHERE v."claimId" = c.id),
    (SELECT v."updatedById" FROM "Verdict" v WHERE v."claimId" = c.id)
  ] || ARRAY(
    SELECT a."actorId" FROM "AuditLog" a
     WHERE a."entityType" = 'Claim' AND a."entityId" = c.id
       AND a.action IN ('claim.create', 'claim.update', 'claim.words-change', 'claim.reattach', 'source.add', 'source.update', 'source.remove')
  )) AS x WHERE x IS NOT NULL);

-- Approvals made before reviews recorded what they approved cannot be published from: they go back to review.
UPDATE "Claim" SET status = 'IN_REVIEW' WHERE status = 'APPROVED';
