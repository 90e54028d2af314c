-- Verification stages (issue 15): after entry (nhập) an entry goes through check 1 (kiểm tra lần 1)
-- and, when configured, check 2 (kiểm tra lần 2) before it is done. The installation's stages come
-- from SOHOA_CHECK_STAGES; a ledger may set its own (NULL: the installation's, '{}': none).
ALTER TABLE ledgers ADD COLUMN check_stages text[]
    CHECK (check_stages IS NULL OR (cardinality(check_stages) <= 2 AND check_stages <@ ARRAY['sighted', 'blind']));

-- How many checks an entry has passed, and whether a disagreement waits for a supervisor.
ALTER TABLE records ADD COLUMN checks_passed smallint NOT NULL DEFAULT 0 CHECK (checks_passed BETWEEN 0 AND 2);
ALTER TABLE records ADD COLUMN disputed boolean NOT NULL DEFAULT false;

-- The checkers' queue: confirmed entries with a check still to pass, in the clerks' queue order.
CREATE INDEX records_check_queue ON records (priority DESC, confidence, id)
    WHERE status = 'confirmed' AND NOT disputed AND checks_passed < 2;
CREATE INDEX records_disputed ON records (id) WHERE disputed;

-- One row per check: what the entry held when checked, what the checker gave, the fields that
-- differ, and, for a disagreement, the supervisor's final values. The checker is never the
-- clerk who entered the entry (the CHECK below, besides the queue that never hands it out).
CREATE TABLE record_checks (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id  bigint   NOT NULL REFERENCES records (id),
    stage      smallint NOT NULL CHECK (stage BETWEEN 1 AND 2),
    mode       text     NOT NULL CHECK (mode IN ('sighted', 'blind')),
    entered_by bigint,
    checker_id bigint   NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    entered    jsonb    NOT NULL,
    checked    jsonb    NOT NULL,
    differing  text[]   NOT NULL DEFAULT '{}',
    settled_by bigint,
    settled_at timestamptz,
    final      jsonb,
    corrected  boolean  NOT NULL DEFAULT false, -- the final values differ from the entered ones
    UNIQUE (record_id, stage),
    CONSTRAINT checker_is_not_entrant CHECK (checker_id IS DISTINCT FROM entered_by)
);
CREATE INDEX record_checks_checker ON record_checks (checker_id, record_id);

-- Counters for the dashboard, kept by triggers like those of migration 0072: entries that passed
-- check 1, check 2, and that wait for a supervisor.
ALTER TABLE progress_ledgers ADD COLUMN passed1 bigint NOT NULL DEFAULT 0;
ALTER TABLE progress_ledgers ADD COLUMN passed2 bigint NOT NULL DEFAULT 0;
ALTER TABLE progress_ledgers ADD COLUMN disputed bigint NOT NULL DEFAULT 0;

CREATE FUNCTION progress_check_counts(l bigint, st text, passed int, disputed boolean, n int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO progress_ledgers (ledger_id, slot, passed1, passed2, disputed)
    VALUES (l, pg_backend_pid() % 16, (st = 'confirmed' AND passed >= 1)::int * n, (st = 'confirmed' AND passed >= 2)::int * n,
            (st = 'confirmed' AND disputed)::int * n)
    ON CONFLICT (ledger_id, slot) DO UPDATE SET passed1 = progress_ledgers.passed1 + EXCLUDED.passed1,
        passed2 = progress_ledgers.passed2 + EXCLUDED.passed2, disputed = progress_ledgers.disputed + EXCLUDED.disputed
$$;

-- Only rows that were or become checked cost anything: a clerk's confirmation (checks_passed 0,
-- not disputed) does not even call the function.
CREATE FUNCTION progress_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    l bigint;
BEGIN
    IF (OLD.status = 'confirmed' AND (OLD.checks_passed > 0 OR OLD.disputed))
       OR (NEW.status = 'confirmed' AND (NEW.checks_passed > 0 OR NEW.disputed)) THEN
        SELECT ledger_id INTO l FROM scans WHERE id = NEW.scan_id;
        PERFORM progress_check_counts(l, OLD.status, OLD.checks_passed, OLD.disputed, -1);
        PERFORM progress_check_counts(l, NEW.status, NEW.checks_passed, NEW.disputed, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_checks AFTER UPDATE OF status, checks_passed, disputed ON records
    FOR EACH ROW WHEN ((OLD.checks_passed > 0 OR OLD.disputed OR NEW.checks_passed > 0 OR NEW.disputed)
                       AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.checks_passed <> NEW.checks_passed
                            OR OLD.disputed <> NEW.disputed))
    EXECUTE FUNCTION progress_checks();

-- Per clerk and ledger: their entries checked, agreed with, and corrected in the end; and the
-- checks they did themselves.
CREATE TABLE progress_check_clerks (
    ledger_id   bigint NOT NULL REFERENCES ledgers (id),
    user_id     bigint NOT NULL,
    checked     bigint NOT NULL DEFAULT 0,
    agreed      bigint NOT NULL DEFAULT 0,
    corrected   bigint NOT NULL DEFAULT 0,
    checks_done bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (ledger_id, user_id)
);

CREATE FUNCTION progress_check_clerk() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    l bigint;
BEGIN
    SELECT s.ledger_id INTO l FROM records r JOIN scans s ON s.id = r.scan_id WHERE r.id = NEW.record_id;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO progress_check_clerks (ledger_id, user_id, checked, agreed, corrected)
        VALUES (l, coalesce(NEW.entered_by, 0), 1, (cardinality(NEW.differing) = 0)::int, NEW.corrected::int)
        ON CONFLICT (ledger_id, user_id) DO UPDATE SET checked = progress_check_clerks.checked + 1,
            agreed = progress_check_clerks.agreed + EXCLUDED.agreed, corrected = progress_check_clerks.corrected + EXCLUDED.corrected;
        INSERT INTO progress_check_clerks (ledger_id, user_id, checks_done) VALUES (l, NEW.checker_id, 1)
        ON CONFLICT (ledger_id, user_id) DO UPDATE SET checks_done = progress_check_clerks.checks_done + 1;
    ELSIF NEW.corrected <> OLD.corrected THEN
        UPDATE progress_check_clerks SET corrected = corrected + (NEW.corrected::int - OLD.corrected::int)
        WHERE ledger_id = l AND user_id = coalesce(NEW.entered_by, 0);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_check_clerk AFTER INSERT OR UPDATE OF corrected ON record_checks
    FOR EACH ROW EXECUTE FUNCTION progress_check_clerk();

-- progress_rebuild (migration 0072) rebuilds the check counters too.
ALTER FUNCTION progress_rebuild() RENAME TO progress_rebuild_entries;
CREATE FUNCTION progress_rebuild() RETURNS void LANGUAGE sql AS $$
    SELECT progress_rebuild_entries();
    UPDATE progress_ledgers g SET passed1 = c.passed1, passed2 = c.passed2, disputed = c.disputed
    FROM (SELECT s.ledger_id, count(*) FILTER (WHERE r.checks_passed >= 1) AS passed1,
                 count(*) FILTER (WHERE r.checks_passed >= 2) AS passed2, count(*) FILTER (WHERE r.disputed) AS disputed
          FROM records r JOIN scans s ON s.id = r.scan_id
          WHERE r.status = 'confirmed' AND (r.checks_passed > 0 OR r.disputed) GROUP BY s.ledger_id) c
    WHERE g.ledger_id = c.ledger_id AND g.slot = 0;
    DELETE FROM progress_check_clerks;
    INSERT INTO progress_check_clerks (ledger_id, user_id, checked, agreed, corrected, checks_done)
    SELECT ledger_id, user_id, sum(checked), sum(agreed), sum(corrected), sum(done)
    FROM (SELECT s.ledger_id, coalesce(c.entered_by, 0) AS user_id, 1 AS checked, (cardinality(c.differing) = 0)::int AS agreed,
                 c.corrected::int AS corrected, 0 AS done
          FROM record_checks c JOIN records r ON r.id = c.record_id JOIN scans s ON s.id = r.scan_id
          UNION ALL
          SELECT s.ledger_id, c.checker_id, 0, 0, 0, 1
          FROM record_checks c JOIN records r ON r.id = c.record_id JOIN scans s ON s.id = r.scan_id) x
    GROUP BY ledger_id, user_id;
$$;
