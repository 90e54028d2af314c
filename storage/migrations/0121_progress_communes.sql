-- The dashboard at 10 million entries (issue 15): the country, province and district views read
-- counters already summed by commune, not the ledgers' counters (3,000 ledgers × 16 slots,
-- 30 days × ledgers × people, field names × ledgers × slots). Each table below is kept by a
-- trigger on the ledger-level counter table it sums, in the same transaction, so both always
-- agree. They have no slots: only the clerks of one commune (a handful) share a row, for the
-- moment their confirmation commits, and every transaction takes the rows in the same order
-- (the commune's, then its field names in order), so they queue and never deadlock.

-- progress_ledgers summed by commune and by the ledgers' own stages ('' for the ledgers that
-- follow the installation's): "done" depends on the stages (passed_stages_count, migration 0120).
CREATE TABLE progress_communes (
    commune_code    text     NOT NULL,
    stages          text     NOT NULL, -- the ledgers' check_stages as text, '' when NULL
    expected        bigint   NOT NULL DEFAULT 0, -- sum over the ledgers of greatest(expected_entries, entries)
    entries         bigint   NOT NULL DEFAULT 0,
    confirmed       bigint   NOT NULL DEFAULT 0,
    flagged         bigint   NOT NULL DEFAULT 0,
    pages           bigint   NOT NULL DEFAULT 0,
    scans_processed bigint   NOT NULL DEFAULT 0,
    scans_failed    bigint   NOT NULL DEFAULT 0,
    scans_rescan    bigint   NOT NULL DEFAULT 0,
    passed1         bigint   NOT NULL DEFAULT 0,
    passed2         bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (commune_code, stages)
);

CREATE FUNCTION progress_communes_add(code text, st text[], sign int, g progress_ledgers, dexp bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO progress_communes AS c (commune_code, stages, expected, entries, confirmed, flagged, pages, scans_processed,
                                        scans_failed, scans_rescan, passed1, passed2)
    VALUES (code, coalesce(st::text, ''), dexp, sign * g.entries, sign * g.confirmed, sign * g.flagged,
           sign * g.pages, sign * g.scans_processed, sign * g.scans_failed, sign * g.scans_rescan, sign * g.passed1, sign * g.passed2)
    ON CONFLICT (commune_code, stages) DO UPDATE SET expected = c.expected + EXCLUDED.expected, entries = c.entries + EXCLUDED.entries,
        confirmed = c.confirmed + EXCLUDED.confirmed, flagged = c.flagged + EXCLUDED.flagged, pages = c.pages + EXCLUDED.pages,
        scans_processed = c.scans_processed + EXCLUDED.scans_processed, scans_failed = c.scans_failed + EXCLUDED.scans_failed,
        scans_rescan = c.scans_rescan + EXCLUDED.scans_rescan, passed1 = c.passed1 + EXCLUDED.passed1, passed2 = c.passed2 + EXCLUDED.passed2
$$;

-- A counter row changed: add the difference to its commune. When the ledger's entries change,
-- so may greatest(expected_entries, entries).
CREATE FUNCTION progress_ledgers_commune() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    l ledgers;
    d bigint := coalesce(NEW.entries, 0) - coalesce(OLD.entries, 0);
    tot bigint;
    dexp bigint := 0;
BEGIN
    SELECT * INTO l FROM ledgers WHERE id = coalesce(NEW.ledger_id, OLD.ledger_id);
    IF NOT FOUND THEN
        RETURN NULL; -- the ledger itself is going: progress_ledger_changed took its share away
    END IF;
    IF d <> 0 THEN
        SELECT coalesce(sum(entries), 0) INTO tot FROM progress_ledgers WHERE ledger_id = l.id;
        dexp := greatest(l.expected_entries, tot) - greatest(l.expected_entries, tot - d);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM progress_communes_add(l.commune_code, l.check_stages, -1, OLD, dexp);
        dexp := 0;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM progress_communes_add(l.commune_code, l.check_stages, 1, NEW, dexp);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_ledgers_commune AFTER INSERT OR UPDATE OR DELETE ON progress_ledgers
    FOR EACH ROW EXECUTE FUNCTION progress_ledgers_commune();

-- A ledger added, removed, or changing commune, stages or expected entries: its share (its
-- counters and greatest(expected_entries, entries)) leaves its old place and joins its new one.
CREATE FUNCTION progress_ledger_share(l ledgers, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    g progress_ledgers;
    tot bigint := 0;
BEGIN
    FOR g IN SELECT * FROM progress_ledgers WHERE ledger_id = l.id LOOP
        PERFORM progress_communes_add(l.commune_code, l.check_stages, sign, g, 0);
        tot := tot + g.entries;
    END LOOP;
    g := ROW(l.id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0); -- no counters: the expected share alone
    PERFORM progress_communes_add(l.commune_code, l.check_stages, sign, g, sign * greatest(l.expected_entries, tot));
END $$;

CREATE FUNCTION progress_ledger_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM progress_ledger_share(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM progress_ledger_share(NEW, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_ledger_changed AFTER INSERT OR DELETE ON ledgers
    FOR EACH ROW EXECUTE FUNCTION progress_ledger_changed();
CREATE TRIGGER progress_ledger_moved AFTER UPDATE OF commune_code, check_stages, expected_entries ON ledgers
    FOR EACH ROW WHEN (OLD.commune_code IS DISTINCT FROM NEW.commune_code OR OLD.check_stages IS DISTINCT FROM NEW.check_stages
                       OR OLD.expected_entries IS DISTINCT FROM NEW.expected_entries)
    EXECUTE FUNCTION progress_ledger_changed();

-- progress_daily summed by commune (day, commune, person).
CREATE TABLE progress_daily_communes (
    day          date   NOT NULL,
    commune_code text   NOT NULL,
    user_id      bigint NOT NULL,
    entries      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, commune_code, user_id)
);

CREATE FUNCTION progress_daily_commune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO progress_daily_communes AS c (day, commune_code, user_id, entries)
    SELECT coalesce(NEW.day, OLD.day), l.commune_code, coalesce(NEW.user_id, OLD.user_id),
           coalesce(NEW.entries, 0) - coalesce(OLD.entries, 0)
    FROM ledgers l WHERE l.id = coalesce(NEW.ledger_id, OLD.ledger_id)
    ON CONFLICT (day, commune_code, user_id) DO UPDATE SET entries = c.entries + EXCLUDED.entries;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_daily_commune AFTER INSERT OR UPDATE OR DELETE ON progress_daily
    FOR EACH ROW EXECUTE FUNCTION progress_daily_commune();

-- progress_fields summed by commune and field name.
CREATE TABLE progress_fields_communes (
    commune_code text     NOT NULL,
    name         text     NOT NULL,
    decided      bigint   NOT NULL DEFAULT 0,
    corrected    bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (commune_code, name)
);

CREATE FUNCTION progress_fields_commune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO progress_fields_communes AS c (commune_code, name, decided, corrected)
    SELECT l.commune_code, coalesce(NEW.name, OLD.name),
           coalesce(NEW.decided, 0) - coalesce(OLD.decided, 0), coalesce(NEW.corrected, 0) - coalesce(OLD.corrected, 0)
    FROM ledgers l WHERE l.id = coalesce(NEW.ledger_id, OLD.ledger_id)
    ON CONFLICT (commune_code, name) DO UPDATE SET decided = c.decided + EXCLUDED.decided, corrected = c.corrected + EXCLUDED.corrected;
    RETURN NULL;
END $$;
CREATE TRIGGER progress_fields_commune AFTER INSERT OR UPDATE OR DELETE ON progress_fields
    FOR EACH ROW EXECUTE FUNCTION progress_fields_commune();

-- Built once from the ledger-level counters already there.
INSERT INTO progress_communes (commune_code, stages, expected, entries, confirmed, flagged, pages, scans_processed, scans_failed,
                               scans_rescan, passed1, passed2)
SELECT l.commune_code, coalesce(l.check_stages::text, ''), 0, sum(g.entries), sum(g.confirmed), sum(g.flagged), sum(g.pages),
       sum(g.scans_processed), sum(g.scans_failed), sum(g.scans_rescan), sum(g.passed1), sum(g.passed2)
FROM progress_ledgers g JOIN ledgers l ON l.id = g.ledger_id GROUP BY 1, 2;
INSERT INTO progress_communes AS c (commune_code, stages, expected)
SELECT l.commune_code, coalesce(l.check_stages::text, ''), sum(greatest(l.expected_entries, coalesce(g.entries, 0)))
FROM ledgers l LEFT JOIN (SELECT ledger_id, sum(entries) AS entries FROM progress_ledgers GROUP BY 1) g ON g.ledger_id = l.id
GROUP BY 1, 2
ON CONFLICT (commune_code, stages) DO UPDATE SET expected = c.expected + EXCLUDED.expected;
INSERT INTO progress_daily_communes (day, commune_code, user_id, entries)
SELECT g.day, l.commune_code, g.user_id, sum(g.entries) FROM progress_daily g JOIN ledgers l ON l.id = g.ledger_id GROUP BY 1, 2, 3;
INSERT INTO progress_fields_communes (commune_code, name, decided, corrected)
SELECT l.commune_code, g.name, sum(g.decided), sum(g.corrected)
FROM progress_fields g JOIN ledgers l ON l.id = g.ledger_id GROUP BY 1, 2;
