-- Progress counters kept up to date by triggers, so the dashboard reads one row per ledger (and a
-- few per day) instead of counting millions of entries. The backfill below builds them from the
-- rows already there.
CREATE TABLE progress_ledgers (
    ledger_id        bigint PRIMARY KEY REFERENCES ledgers (id),
    entries          bigint NOT NULL DEFAULT 0,
    pending          bigint NOT NULL DEFAULT 0,
    confirmed        bigint NOT NULL DEFAULT 0,
    flagged          bigint NOT NULL DEFAULT 0,
    pages            bigint NOT NULL DEFAULT 0, -- pages uploaded (first versions)
    scans_processed  bigint NOT NULL DEFAULT 0, -- scans read (in review or done)
    scans_failed     bigint NOT NULL DEFAULT 0,
    scans_rescan     bigint NOT NULL DEFAULT 0  -- failed with "cần quét lại" (rescan requested)
);

-- Entries decided per day (Hà Nội), ledger and person (0 when unknown).
CREATE TABLE progress_daily (
    day       date   NOT NULL,
    ledger_id bigint NOT NULL REFERENCES ledgers (id),
    user_id   bigint NOT NULL,
    entries   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, ledger_id, user_id)
);

-- Fields decided by a person and how many of them were corrected, per ledger and field name.
CREATE TABLE progress_fields (
    ledger_id bigint NOT NULL REFERENCES ledgers (id),
    name      text   NOT NULL,
    decided   bigint NOT NULL DEFAULT 0,
    corrected bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (ledger_id, name)
);

CREATE FUNCTION progress_entries(l bigint, st text, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, entries, pending, confirmed, flagged)
    VALUES (l, n, (st = 'pending')::int * n, (st = 'confirmed')::int * n, (st = 'flagged')::int * n)
    ON CONFLICT (ledger_id) DO UPDATE SET entries = progress_ledgers.entries + EXCLUDED.entries,
        pending = progress_ledgers.pending + EXCLUDED.pending, confirmed = progress_ledgers.confirmed + EXCLUDED.confirmed,
        flagged = progress_ledgers.flagged + EXCLUDED.flagged
$$;

CREATE FUNCTION progress_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    l bigint;
BEGIN
    SELECT ledger_id INTO l FROM scans WHERE id = coalesce(NEW.scan_id, OLD.scan_id);
    IF TG_OP = 'INSERT' THEN
        PERFORM progress_entries(l, NEW.status, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM progress_entries(l, OLD.status, -1);
    ELSIF NEW.status <> OLD.status THEN
        PERFORM progress_entries(l, OLD.status, -1);
        PERFORM progress_entries(l, NEW.status, 1);
        IF OLD.status = 'pending' THEN
            INSERT INTO progress_daily (day, ledger_id, user_id, entries)
            VALUES ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, l, coalesce(NEW.confirmed_by, OLD.lease_user_id, 0), 1)
            ON CONFLICT (day, ledger_id, user_id) DO UPDATE SET entries = progress_daily.entries + 1;
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_record AFTER INSERT OR DELETE OR UPDATE OF status ON records
    FOR EACH ROW EXECUTE FUNCTION progress_record();

CREATE FUNCTION progress_field() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'ocr' AND NEW.status <> 'ocr' THEN
        INSERT INTO progress_fields (ledger_id, name, decided, corrected)
        SELECT s.ledger_id, NEW.name, 1, (NEW.status = 'corrected')::int
        FROM records r JOIN scans s ON s.id = r.scan_id WHERE r.id = NEW.record_id
        ON CONFLICT (ledger_id, name) DO UPDATE SET decided = progress_fields.decided + 1,
            corrected = progress_fields.corrected + EXCLUDED.corrected;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_field AFTER UPDATE OF status ON fields
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION progress_field();

CREATE FUNCTION progress_scan_counts(s scans, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, pages, scans_processed, scans_failed, scans_rescan)
    VALUES (s.ledger_id, (s.version = 1)::int * n, (s.status IN ('in_review', 'done'))::int * n,
            (s.status = 'failed')::int * n, (s.status = 'failed' AND s.error LIKE 'cần quét lại%')::int * n)
    ON CONFLICT (ledger_id) DO UPDATE SET pages = progress_ledgers.pages + EXCLUDED.pages,
        scans_processed = progress_ledgers.scans_processed + EXCLUDED.scans_processed,
        scans_failed = progress_ledgers.scans_failed + EXCLUDED.scans_failed,
        scans_rescan = progress_ledgers.scans_rescan + EXCLUDED.scans_rescan
$$;

CREATE FUNCTION progress_scan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM progress_scan_counts(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM progress_scan_counts(NEW, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_scan AFTER INSERT OR DELETE OR UPDATE OF status, error ON scans
    FOR EACH ROW EXECUTE FUNCTION progress_scan();

-- Backfill from what is there.
CREATE FUNCTION progress_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM progress_ledgers;
    DELETE FROM progress_fields;
    DELETE FROM progress_daily;
    INSERT INTO progress_ledgers (ledger_id, entries, pending, confirmed, flagged, pages, scans_processed, scans_failed, scans_rescan)
    SELECT l.id, coalesce(r.entries, 0), coalesce(r.pending, 0), coalesce(r.confirmed, 0), coalesce(r.flagged, 0),
           coalesce(s.pages, 0), coalesce(s.processed, 0), coalesce(s.failed, 0), coalesce(s.rescan, 0)
    FROM ledgers l
    LEFT JOIN (SELECT s.ledger_id, count(*) AS entries, count(*) FILTER (WHERE r.status = 'pending') AS pending,
                      count(*) FILTER (WHERE r.status = 'confirmed') AS confirmed, count(*) FILTER (WHERE r.status = 'flagged') AS flagged
               FROM records r JOIN scans s ON s.id = r.scan_id GROUP BY s.ledger_id) r ON r.ledger_id = l.id
    LEFT JOIN (SELECT ledger_id, count(*) FILTER (WHERE version = 1) AS pages,
                      count(*) FILTER (WHERE status IN ('in_review', 'done')) AS processed,
                      count(*) FILTER (WHERE status = 'failed') AS failed,
                      count(*) FILTER (WHERE status = 'failed' AND error LIKE 'cần quét lại%') AS rescan
               FROM scans GROUP BY ledger_id) s ON s.ledger_id = l.id;
    INSERT INTO progress_fields (ledger_id, name, decided, corrected)
    SELECT s.ledger_id, f.name, count(*), count(*) FILTER (WHERE f.status = 'corrected')
    FROM fields f JOIN records r ON r.id = f.record_id JOIN scans s ON s.id = r.scan_id
    WHERE f.status <> 'ocr' GROUP BY s.ledger_id, f.name;
    INSERT INTO progress_daily (day, ledger_id, user_id, entries)
    SELECT (r.confirmed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, s.ledger_id, coalesce(r.confirmed_by, 0), count(*)
    FROM records r JOIN scans s ON s.id = r.scan_id WHERE r.status = 'confirmed' AND r.confirmed_at IS NOT NULL
    GROUP BY 1, 2, 3;
$$;
SELECT progress_rebuild();
