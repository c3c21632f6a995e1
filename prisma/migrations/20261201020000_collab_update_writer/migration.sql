-- Who sent each live update: a save credits them with the claims it changes, whichever instance or thread (even one
-- that stopped before saving) received it.
ALTER TABLE "CollabUpdate" ADD COLUMN "writerId" TEXT;
