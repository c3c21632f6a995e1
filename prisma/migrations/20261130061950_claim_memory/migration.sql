-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sameAsId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimMatchText" (
    "claimId" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "tokens" tsvector,
    "original" TEXT NOT NULL,
    "search" tsvector,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimMatchText_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ClaimMatchQueue" (
    "id" BIGSERIAL NOT NULL,
    "claimId" TEXT NOT NULL,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimMatchQueue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimLink_sameAsId_idx" ON "ClaimLink"("sameAsId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_claimId_sameAsId_key" ON "ClaimLink"("claimId", "sameAsId");

-- CreateIndex
CREATE INDEX "ClaimMatchQueue_claimId_idx" ON "ClaimMatchQueue"("claimId");

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_sameAsId_fkey" FOREIGN KEY ("sameAsId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMatchText" ADD CONSTRAINT "ClaimMatchText_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search and "already checked?" (issue 17). Both extensions ship with PostgreSQL's contrib, as in embedded-postgres.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (its dictionary could change); indexes need an IMMUTABLE wrapper naming the dictionary.
-- Names are schema-qualified: PostgreSQL 17 builds indexes with search_path = pg_catalog, pg_temp.
CREATE OR REPLACE FUNCTION public.factmark_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The text search configuration for an article's language (ISO 639-1 code); 'simple' for the rest.
CREATE OR REPLACE FUNCTION public.factmark_ts_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE lower(split_part(coalesce(language, ''), '-', 1))
    WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'es' THEN 'spanish'
    WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish'
    WHEN 'da' THEN 'danish' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian' WHEN 'fi' THEN 'finnish'
    WHEN 'ru' THEN 'russian' WHEN 'tr' THEN 'turkish' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian'
    ELSE 'simple' END)::regconfig $$;

-- An article's weighted vector: title (A), byline and publisher (B), text (D). A tsvector holds at most 1 MB,
-- so only the first 100,000 characters of the text are indexed.
CREATE OR REPLACE FUNCTION public.factmark_article_search(language text, title text, byline text, publisher text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector(public.factmark_ts_config(language), public.factmark_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector(public.factmark_ts_config(language), public.factmark_unaccent(coalesce(byline, '') || ' ' || coalesce(publisher, ''))), 'B') ||
    setweight(to_tsvector(public.factmark_ts_config(language), public.factmark_unaccent(left(coalesce(body, ''), 100000))), 'D') $$;

-- Ranking reads only the short head (recomputing the whole text's vector per hit would cost milliseconds each).
CREATE OR REPLACE FUNCTION public.factmark_article_head(language text, title text, byline text, publisher text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector(public.factmark_ts_config(language), public.factmark_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector(public.factmark_ts_config(language), public.factmark_unaccent(coalesce(byline, '') || ' ' || coalesce(publisher, ''))), 'B') $$;

CREATE INDEX "Article_search_idx" ON "Article" USING gin (public.factmark_article_search(language, title, byline, publisher, "plainText"));
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING gin (lower(public.factmark_unaccent(title)) gin_trgm_ops);

CREATE OR REPLACE FUNCTION public.factmark_source_search(title text, publisher text, url text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('simple', public.factmark_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('simple', public.factmark_unaccent(coalesce(publisher, ''))), 'B') ||
    setweight(to_tsvector('simple', regexp_replace(coalesce(url, ''), '[/:._?=&-]+', ' ', 'g')), 'C') $$;

CREATE INDEX "Source_search_idx" ON "Source" USING gin (public.factmark_source_search(title, publisher, url));
CREATE INDEX "Source_title_trgm_idx" ON "Source" USING gin (lower(public.factmark_unaccent(title || ' ' || coalesce(publisher, ''))) gin_trgm_ops);

CREATE INDEX "ClaimMatchText_search_idx" ON "ClaimMatchText" USING gin ("search");
CREATE INDEX "ClaimMatchText_original_trgm_idx" ON "ClaimMatchText" USING gin (lower(public.factmark_unaccent("original")) gin_trgm_ops);
CREATE INDEX "ClaimMatchText_tokens_idx" ON "ClaimMatchText" USING gin ("tokens");
CREATE INDEX "Claim_claimant_trgm_idx" ON "Claim" USING gin (lower(public.factmark_unaccent(coalesce("claimantName", ''))) gin_trgm_ops);

-- Readers search what was published: the title and the claims of every publication's snapshot (never live rows).
CREATE OR REPLACE FUNCTION public.factmark_publication_search(snapshot jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector(public.factmark_ts_config(snapshot->'article'->>'language'), public.factmark_unaccent(coalesce(snapshot->'article'->>'title', ''))), 'A') ||
    setweight(to_tsvector(public.factmark_ts_config(snapshot->'article'->>'language'), public.factmark_unaccent(
      jsonb_path_query_array(snapshot, '$.claims[*].exact')::text || ' ' || jsonb_path_query_array(snapshot, '$.claims[*].claimReviewed')::text)), 'A') ||
    setweight(to_tsvector(public.factmark_ts_config(snapshot->'article'->>'language'), public.factmark_unaccent(
      jsonb_path_query_array(snapshot, '$.claims[*].claimant')::text || ' ' || jsonb_path_query_array(snapshot, '$.claims[*].statedClaim')::text)), 'B') ||
    setweight(to_tsvector(public.factmark_ts_config(snapshot->'article'->>'language'), public.factmark_unaccent(
      jsonb_path_query_array(snapshot, '$.claims[*].shortVerdict')::text || ' ' || jsonb_path_query_array(snapshot, '$.claims[*].rating.label')::text)), 'C') $$;

CREATE INDEX "Publication_search_idx" ON "Publication" USING gin (public.factmark_publication_search(snapshot));

-- What changes a claim's match text queues it; the app rebuilds queued rows before it searches (bounded per request).
-- Plain appends: with no unique key to check, a trigger never waits for a rebuild that holds a queued row.
CREATE OR REPLACE FUNCTION factmark_queue_claim_match() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Claim' THEN
    INSERT INTO "ClaimMatchQueue" ("claimId") VALUES (NEW.id);
  ELSIF TG_TABLE_NAME = 'Verdict' THEN
    INSERT INTO "ClaimMatchQueue" ("claimId") VALUES (NEW."claimId");
  ELSE
    INSERT INTO "ClaimMatchQueue" ("claimId") SELECT id FROM "Claim" WHERE "articleId" = NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_queue_match_insert" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION factmark_queue_claim_match();
CREATE TRIGGER "Claim_queue_match_update" AFTER UPDATE ON "Claim" FOR EACH ROW
  WHEN ((OLD.exact, OLD."statedClaim", OLD."claimReviewed", OLD."claimantName", OLD."claimantRole")
        IS DISTINCT FROM (NEW.exact, NEW."statedClaim", NEW."claimReviewed", NEW."claimantName", NEW."claimantRole"))
  EXECUTE FUNCTION factmark_queue_claim_match();
CREATE TRIGGER "Verdict_queue_match_insert" AFTER INSERT ON "Verdict" FOR EACH ROW EXECUTE FUNCTION factmark_queue_claim_match();
CREATE TRIGGER "Verdict_queue_match_update" AFTER UPDATE ON "Verdict" FOR EACH ROW
  WHEN ((OLD."shortVerdict", OLD.explanation, OLD."ratingId") IS DISTINCT FROM (NEW."shortVerdict", NEW.explanation, NEW."ratingId"))
  EXECUTE FUNCTION factmark_queue_claim_match();
CREATE TRIGGER "Article_queue_match" AFTER UPDATE ON "Article" FOR EACH ROW
  WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION factmark_queue_claim_match();

INSERT INTO "ClaimMatchQueue" ("claimId") SELECT id FROM "Claim";
