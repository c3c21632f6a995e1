-- CreateTable
CREATE TABLE "Media" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sourceUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Media_pkey" PRIMARY KEY ("id"),
    -- Only the image types Factmark serves, at most 5 MB, with the size and digest of the bytes stored.
    CONSTRAINT "Media_type_check" CHECK ("type" IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    CONSTRAINT "Media_size_check" CHECK ("size" = octet_length("bytes") AND "size" BETWEEN 1 AND 5242880),
    CONSTRAINT "Media_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);

-- Images are compressed already: store them out of line without trying to compress them again.
ALTER TABLE "Media" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;

-- CreateIndex
CREATE UNIQUE INDEX "Media_articleId_sha256_key" ON "Media"("articleId", "sha256");

-- AddForeignKey
ALTER TABLE "Media" ADD CONSTRAINT "Media_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Media" ADD CONSTRAINT "Media_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
