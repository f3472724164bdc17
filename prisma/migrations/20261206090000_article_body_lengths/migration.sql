-- An article's length in UTF-16 units (what the browser's offsets count) and in code points
-- (what SQL's substring counts), kept by the database. Where the two are equal the offsets are
-- the same in both units, so saving a claim reads only a window of the body around the words.
ALTER TABLE "Article"
  ADD COLUMN "bodyUnits" INTEGER NOT NULL
    GENERATED ALWAYS AS (2 * char_length("body") - char_length(regexp_replace("body", '[\U00010000-\U0010FFFF]', '', 'g'))) STORED,
  ADD COLUMN "bodyChars" INTEGER NOT NULL GENERATED ALWAYS AS (char_length("body")) STORED;
