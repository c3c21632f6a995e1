-- Staff search's misspelling fallback: the words claims are written in, each once, with a trigram index.
-- A misspelt word is corrected against this vocabulary (thousands of rows), then searched in full text;
-- comparing it with every claim sharing a trigram read thousands of claims per query.
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING gin ("word" gin_trgm_ops);

-- The words of a text as the vocabulary keeps them: lower case, accents removed, 3 to 40 letters or digits.
CREATE FUNCTION public.factmark_search_words(text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT DISTINCT w FROM regexp_split_to_table(lower(public.factmark_unaccent($1)), '[^[:alnum:]]+') w WHERE length(w) BETWEEN 3 AND 40 $$;

INSERT INTO "SearchWord" ("word")
SELECT w FROM "ClaimMatchText", public.factmark_search_words(original) w
UNION SELECT w FROM "Claim", public.factmark_search_words("claimantName") w
ON CONFLICT DO NOTHING;

-- Staff search ranks articles by their head (title, byline, publisher) among the articles whose head matches,
-- found through this index; an article found only in its text is listed after them, newest first.
CREATE INDEX "Article_head_search_idx" ON "Article" USING gin (public.factmark_article_head(language, title, byline, publisher));
-- Staff search leaves out deleted claims and the claims of deleted articles as one small set, read through these.
CREATE INDEX "Claim_deleted_idx" ON "Claim" ("deletedAt") WHERE "deletedAt" IS NOT NULL;
CREATE INDEX "Article_deleted_idx" ON "Article" ("deletedAt") WHERE "deletedAt" IS NOT NULL;

-- A feed's refresh in progress (the scheduled run or "Refresh now"): a second run of the same feed is refused
-- while it is set, unless it is older than a run can last (a process that died mid-run).
ALTER TABLE "ClaimReviewFeed" ADD COLUMN "runningSince" TIMESTAMPTZ(3);
