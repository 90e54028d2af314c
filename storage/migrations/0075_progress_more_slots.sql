-- The dashboard of a province or district reads the daily counts of its ledgers only.
CREATE INDEX progress_daily_ledger ON progress_daily (ledger_id, day);

-- Field-quality counters spread over slots like the ledgers' (every clerk of a ledger updates the
-- same field names), and both over 16 slots: 50 clerks on one ledger rarely meet on a row.
ALTER TABLE progress_fields ADD COLUMN slot smallint NOT NULL DEFAULT 0;
ALTER TABLE progress_fields DROP CONSTRAINT progress_fields_pkey;
ALTER TABLE progress_fields ADD PRIMARY KEY (ledger_id, name, slot);

CREATE OR REPLACE FUNCTION progress_fields_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO progress_fields (ledger_id, name, slot, decided, corrected)
    SELECT s.ledger_id, n.name, pg_backend_pid() % 16, count(*), count(*) FILTER (WHERE n.status = 'corrected')
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN records r ON r.id = n.record_id JOIN scans s ON s.id = r.scan_id
    WHERE o.status = 'ocr' AND n.status <> 'ocr'
    GROUP BY s.ledger_id, n.name
    ORDER BY s.ledger_id, n.name
    ON CONFLICT (ledger_id, name, slot) DO UPDATE SET decided = progress_fields.decided + EXCLUDED.decided,
        corrected = progress_fields.corrected + EXCLUDED.corrected;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION progress_entries(l bigint, st text, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, slot, entries, pending, confirmed, flagged)
    VALUES (l, pg_backend_pid() % 16, n, (st = 'pending')::int * n, (st = 'confirmed')::int * n, (st = 'flagged')::int * n)
    ON CONFLICT (ledger_id, slot) DO UPDATE SET entries = progress_ledgers.entries + EXCLUDED.entries,
        pending = progress_ledgers.pending + EXCLUDED.pending, confirmed = progress_ledgers.confirmed + EXCLUDED.confirmed,
        flagged = progress_ledgers.flagged + EXCLUDED.flagged
$$;

CREATE OR REPLACE FUNCTION progress_scan_counts(s scans, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, slot, pages, scans_processed, scans_failed, scans_rescan)
    VALUES (s.ledger_id, pg_backend_pid() % 16, (s.version = 1)::int * n, (s.status IN ('in_review', 'done'))::int * n,
            (s.status = 'failed')::int * n, (s.status = 'failed' AND s.error LIKE 'cần quét lại%')::int * n)
    ON CONFLICT (ledger_id, slot) DO UPDATE SET pages = progress_ledgers.pages + EXCLUDED.pages,
        scans_processed = progress_ledgers.scans_processed + EXCLUDED.scans_processed,
        scans_failed = progress_ledgers.scans_failed + EXCLUDED.scans_failed,
        scans_rescan = progress_ledgers.scans_rescan + EXCLUDED.scans_rescan
$$;
