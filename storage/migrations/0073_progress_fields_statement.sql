-- Field-quality counters per statement, upserted in (ledger, name) order: two clerks confirming
-- entries of one ledger at once take the counter rows' locks in the same order and cannot deadlock.
DROP TRIGGER progress_field ON fields;
DROP FUNCTION progress_field();

CREATE FUNCTION progress_fields_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO progress_fields (ledger_id, name, decided, corrected)
    SELECT s.ledger_id, n.name, count(*), count(*) FILTER (WHERE n.status = 'corrected')
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN records r ON r.id = n.record_id JOIN scans s ON s.id = r.scan_id
    WHERE o.status = 'ocr' AND n.status <> 'ocr'
    GROUP BY s.ledger_id, n.name
    ORDER BY s.ledger_id, n.name
    ON CONFLICT (ledger_id, name) DO UPDATE SET decided = progress_fields.decided + EXCLUDED.decided,
        corrected = progress_fields.corrected + EXCLUDED.corrected;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_fields_statement AFTER UPDATE ON fields
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION progress_fields_statement();
