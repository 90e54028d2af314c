-- Clerks confirming entries of one ledger at the same moment would all wait on the ledger's one
-- counter row until their transactions commit. Each ledger's counters are spread over 8 rows
-- (slot = the backend's pid mod 8, so one connection always uses the same row); readers add
-- them up.
ALTER TABLE progress_ledgers ADD COLUMN slot smallint NOT NULL DEFAULT 0;
ALTER TABLE progress_ledgers DROP CONSTRAINT progress_ledgers_pkey;
ALTER TABLE progress_ledgers ADD PRIMARY KEY (ledger_id, slot);

CREATE OR REPLACE FUNCTION progress_entries(l bigint, st text, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, slot, entries, pending, confirmed, flagged)
    VALUES (l, pg_backend_pid() % 8, n, (st = 'pending')::int * n, (st = 'confirmed')::int * n, (st = 'flagged')::int * n)
    ON CONFLICT (ledger_id, slot) DO UPDATE SET entries = progress_ledgers.entries + EXCLUDED.entries,
        pending = progress_ledgers.pending + EXCLUDED.pending, confirmed = progress_ledgers.confirmed + EXCLUDED.confirmed,
        flagged = progress_ledgers.flagged + EXCLUDED.flagged
$$;

CREATE OR REPLACE FUNCTION progress_scan_counts(s scans, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, slot, pages, scans_processed, scans_failed, scans_rescan)
    VALUES (s.ledger_id, pg_backend_pid() % 8, (s.version = 1)::int * n, (s.status IN ('in_review', 'done'))::int * n,
            (s.status = 'failed')::int * n, (s.status = 'failed' AND s.error LIKE 'cần quét lại%')::int * n)
    ON CONFLICT (ledger_id, slot) DO UPDATE SET pages = progress_ledgers.pages + EXCLUDED.pages,
        scans_processed = progress_ledgers.scans_processed + EXCLUDED.scans_processed,
        scans_failed = progress_ledgers.scans_failed + EXCLUDED.scans_failed,
        scans_rescan = progress_ledgers.scans_rescan + EXCLUDED.scans_rescan
$$;
