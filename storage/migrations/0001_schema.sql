-- Administrative units as they stood before the 2025 reform (province / district / commune).
-- GSO codes have 2, 3 and 5 digits by level, so a code alone identifies a unit.
CREATE TABLE admin_units (
    code        text PRIMARY KEY,
    level       text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    name        text NOT NULL,
    type        text NOT NULL,
    parent_code text REFERENCES admin_units (code),
    CHECK ((level = 'province') = (parent_code IS NULL))
);
CREATE INDEX admin_units_parent ON admin_units (parent_code);

-- A register book held by a commune.
CREATE TABLE ledgers (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commune_code     text NOT NULL REFERENCES admin_units (code),
    kind             text NOT NULL CHECK (kind IN ('khai-sinh', 'ket-hon', 'khai-tu')),
    book             text NOT NULL DEFAULT '',
    year_from        int  NOT NULL CHECK (year_from BETWEEN 1900 AND 2100),
    year_to          int  NOT NULL CHECK (year_to >= year_from AND year_to <= 2100),
    expected_entries int  NOT NULL DEFAULT 0 CHECK (expected_entries >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (commune_code, kind, book, year_from, year_to)
);

-- One scanned page image. The original lives in the object store under object_key
-- (originals/<sha256>) and is never changed; a page scanned again becomes a new version.
CREATE TABLE scans (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id    bigint NOT NULL REFERENCES ledgers (id),
    page         int    NOT NULL CHECK (page > 0),
    version      int    NOT NULL DEFAULT 1 CHECK (version > 0),
    sha256       text   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    object_key   text   NOT NULL,
    bytes        bigint NOT NULL CHECK (bytes > 0),
    content_type text   NOT NULL,
    width        int    NOT NULL DEFAULT 0,
    height       int    NOT NULL DEFAULT 0,
    status       text   NOT NULL DEFAULT 'uploaded'
                 CHECK (status IN ('uploaded', 'cleaning', 'ocr', 'in_review', 'done', 'failed')),
    error        text   NOT NULL DEFAULT '',
    station      text   NOT NULL DEFAULT '',
    clean_key    text   NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (ledger_id, page, version),
    UNIQUE (ledger_id, page, sha256)
);
CREATE INDEX scans_status ON scans (status);
CREATE INDEX scans_sha256 ON scans (sha256);

-- An entry found on a scan.
CREATE TABLE records (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_id          bigint NOT NULL REFERENCES scans (id),
    idx              int    NOT NULL CHECK (idx >= 0),
    kind             text   NOT NULL CHECK (kind IN ('khai-sinh', 'ket-hon', 'khai-tu')),
    status           text   NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'confirmed', 'flagged')),
    confidence       real   NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    box              int[]  CHECK (box IS NULL OR cardinality(box) = 4),
    flag_reason      text   NOT NULL DEFAULT '',
    lease_user_id    bigint,
    lease_expires_at timestamptz,
    version          int    NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (scan_id, idx)
);
CREATE INDEX records_queue ON records (confidence, id) WHERE status = 'pending';

-- One field of an entry with its provenance: what OCR read, how sure it was, what a person decided.
CREATE TABLE fields (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id    bigint NOT NULL REFERENCES records (id),
    name         text   NOT NULL,
    ocr_text     text   NOT NULL DEFAULT '',
    value        text   NOT NULL DEFAULT '',
    confidence   real   NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    box          int[]  CHECK (box IS NULL OR cardinality(box) = 4),
    issues       jsonb  NOT NULL DEFAULT '[]',
    status       text   NOT NULL DEFAULT 'ocr'
                 CHECK (status IN ('ocr', 'confirmed', 'corrected', 'missing')),
    confirmed_by bigint,
    confirmed_at timestamptz,
    UNIQUE (record_id, name)
);

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    display_name  text NOT NULL DEFAULT '',
    role          text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The communes whose ledgers a clerk may review.
CREATE TABLE user_communes (
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    commune_code text   NOT NULL REFERENCES admin_units (code),
    PRIMARY KEY (user_id, commune_code)
);

ALTER TABLE records ADD FOREIGN KEY (lease_user_id) REFERENCES users (id);
ALTER TABLE fields ADD FOREIGN KEY (confirmed_by) REFERENCES users (id);

-- Scanning-station API tokens, stored as SHA-256 hashes of the random token.
CREATE TABLE station_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station      text  NOT NULL,
    token_hash   bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Every change, old → new. Append-only: the trigger below refuses UPDATE and DELETE.
CREATE TABLE audit_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text   NOT NULL,
    user_id   bigint REFERENCES users (id),
    action    text   NOT NULL,
    entity    text   NOT NULL,
    entity_id bigint NOT NULL,
    old       jsonb,
    new       jsonb
);
CREATE INDEX audit_events_entity ON audit_events (entity, entity_id, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
