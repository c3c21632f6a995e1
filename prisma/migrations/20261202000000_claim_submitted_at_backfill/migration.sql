-- Claims already in review when "submittedAt" was added had none, so the review queue showed their last edit as
-- the time they were submitted. Their last submission is in the audit log; a claim with none there (an approval
-- the claim authors migration sent back to review) keeps its last change, what the queue showed until now.
UPDATE "Claim" c SET "submittedAt" = COALESCE(
  (SELECT max(a."createdAt") FROM "AuditLog" a
    WHERE a."entityType" = 'Claim' AND a."entityId" = c.id AND a.action = 'claim.submit'),
  c."updatedAt")
WHERE c.status = 'IN_REVIEW' AND c."submittedAt" IS NULL;
