-- CreateTable
CREATE TABLE "ImportedClaim" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "ratingLabel" TEXT NOT NULL,
    "publisherName" TEXT NOT NULL,
    "publisherUrl" TEXT,
    "reviewDate" TIMESTAMPTZ(3),
    "claimant" TEXT,
    "language" TEXT,
    "sourceUrl" TEXT,
    "feedId" TEXT,
    "contentHash" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "tokens" tsvector,
    "importedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimReviewFeed" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastResult" JSONB,
    "lastError" TEXT,

    CONSTRAINT "ClaimReviewFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportedClaim_url_key" ON "ImportedClaim"("url");

-- CreateIndex
CREATE INDEX "ImportedClaim_feedId_idx" ON "ImportedClaim"("feedId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimReviewFeed_url_key" ON "ClaimReviewFeed"("url");

-- AddForeignKey
ALTER TABLE "ImportedClaim" ADD CONSTRAINT "ImportedClaim_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "ClaimReviewFeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Candidate retrieval for "already checked?" (same as ClaimMatchText.tokens) and staff search on the claim's words.
CREATE INDEX "ImportedClaim_tokens_idx" ON "ImportedClaim" USING GIN ("tokens");
CREATE INDEX "ImportedClaim_search_idx" ON "ImportedClaim" USING GIN (to_tsvector('simple', public.factmark_unaccent("claimReviewed" || ' ' || coalesce("claimant", '') || ' ' || "publisherName")));
