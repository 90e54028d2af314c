-- A supervisor's request to read scans again (after a template or engine improvement). Entries a
-- person has decided are never replaced; each scan's run counts what changed in the others.
CREATE TABLE reprocess_runs (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text   NOT NULL,
    user_id    bigint REFERENCES users (id),
    ledger_id  bigint REFERENCES ledgers (id),
    scan_id    bigint REFERENCES scans (id),
    CHECK ((ledger_id IS NULL) <> (scan_id IS NULL))
);

CREATE TABLE reprocess_scans (
    run_id          bigint NOT NULL REFERENCES reprocess_runs (id),
    scan_id         bigint NOT NULL REFERENCES scans (id),
    done_at         timestamptz,
    fields_changed  int NOT NULL DEFAULT 0, -- fields of entries nobody had decided whose reading changed
    entries_added   int NOT NULL DEFAULT 0,
    entries_removed int NOT NULL DEFAULT 0, -- undecided entries the new reading no longer finds
    entries_kept    int NOT NULL DEFAULT 0, -- entries a person decided (or holds), left as they were
    PRIMARY KEY (run_id, scan_id)
);
CREATE INDEX reprocess_scans_open ON reprocess_scans (scan_id) WHERE done_at IS NULL;
