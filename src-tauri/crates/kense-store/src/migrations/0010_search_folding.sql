-- Journal search that forgives (issue 11): one folded line per case — its
-- number, the applicant's IIN/BIN and name — in an FTS5 trigram table, folded
-- by `kense_fold` (kense-domain's search::fold, registered on every
-- connection). Kept apart from `cases` so the hash-chained rows and their
-- `applicant_name_folded` column (lower case only) stay as they are.
DROP TRIGGER cases_name_trigrams_insert;
DROP TABLE cases_name_trigrams;

CREATE VIRTUAL TABLE case_search USING fts5 (haystack, tokenize = 'trigram');
INSERT INTO case_search (rowid, haystack)
    SELECT id, kense_fold(number || ' ' || applicant_id_number || ' ' || applicant_name) FROM cases;
CREATE TRIGGER case_search_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO case_search (rowid, haystack)
    VALUES (new.id, kense_fold(new.number || ' ' || new.applicant_id_number || ' ' || new.applicant_name));
END;
CREATE TRIGGER case_search_update AFTER UPDATE OF number, applicant_id_number, applicant_name ON cases
BEGIN
    UPDATE case_search
    SET haystack = kense_fold(new.number || ' ' || new.applicant_id_number || ' ' || new.applicant_name)
    WHERE rowid = new.id;
END;
CREATE TRIGGER case_search_delete AFTER DELETE ON cases
BEGIN
    DELETE FROM case_search WHERE rowid = old.id;
END;
