-- Claim positions were UTF-16 code units (JavaScript's string index); they become Unicode code
-- points, as PostgreSQL's substring and the W3C TextPositionSelector count them. The two differ
-- only in articles with characters beyond U+FFFF (emoji, mathematical letters), so only their
-- claims change.

-- The code-point offset that a UTF-16 offset of `body` falls on: the smallest n whose first n
-- code points take at least `units` UTF-16 units (each character beyond U+FFFF takes two).
CREATE FUNCTION crosscheck_utf16_to_code_points(body text, units integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  lo integer := 0;
  hi integer := least(greatest(units, 0), char_length(body));
  mid integer;
  prefix text;
BEGIN
  WHILE lo < hi LOOP
    mid := (lo + hi) / 2;
    prefix := left(body, mid);
    IF mid + char_length(prefix) - char_length(regexp_replace(prefix, '[\U00010000-\U0010FFFF]', '', 'g')) < units THEN
      lo := mid + 1;
    ELSE
      hi := mid;
    END IF;
  END LOOP;
  RETURN lo;
END
$$;

UPDATE "Claim" c
   SET "positionStart" = crosscheck_utf16_to_code_points(a.body, c."positionStart"),
       "positionEnd" = crosscheck_utf16_to_code_points(a.body, c."positionEnd")
  FROM "Article" a
 WHERE a.id = c."articleId"
   AND a.body ~ '[\U00010000-\U0010FFFF]';

DROP FUNCTION crosscheck_utf16_to_code_points(text, integer);
