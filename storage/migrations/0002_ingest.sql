-- Pages a ledger is expected to have, when the station knows it (0 = unknown).
ALTER TABLE ledgers ADD COLUMN expected_pages int NOT NULL DEFAULT 0 CHECK (expected_pages >= 0);

-- A page cut from a multi-page upload (TIFF, PDF) keeps a link to the file as uploaded, which is
-- itself stored untouched under originals/<sha256>.
ALTER TABLE scans ADD COLUMN source_key text NOT NULL DEFAULT '';
ALTER TABLE scans ADD COLUMN source_index int NOT NULL DEFAULT 0;

-- Objects written for an upload whose scan rows are not committed yet. The upload's transaction
-- removes its rows; what is left after a crash names objects that were never acknowledged, which
-- the next start removes unless a scan refers to them.
CREATE TABLE pending_uploads (
    object_key text NOT NULL,
    upload_id  text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (object_key, upload_id)
);
