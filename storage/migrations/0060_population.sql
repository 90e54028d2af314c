-- Population database extract (issue 18): citizens keyed by the personal ID number, with the
-- folded name keys matching blocks on, and name counts for term-frequency weights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE citizens (
    so_dinh_danh  text PRIMARY KEY CHECK (so_dinh_danh ~ '^[0-9]{12}$'),
    ho_ten        text NOT NULL,
    gioi_tinh     text NOT NULL DEFAULT '' CHECK (gioi_tinh IN ('Nam', 'Nữ', '')),
    birth_day     smallint NOT NULL DEFAULT 0,
    birth_month   smallint NOT NULL DEFAULT 0,
    birth_year    smallint NOT NULL,
    noi_sinh      text NOT NULL DEFAULT '',
    que_quan      text NOT NULL DEFAULT '',
    ho_ten_cha    text NOT NULL DEFAULT '',
    nam_sinh_cha  smallint NOT NULL DEFAULT 0,
    ho_ten_me     text NOT NULL DEFAULT '',
    nam_sinh_me   smallint NOT NULL DEFAULT 0,
    noi_cu_tru    text NOT NULL DEFAULT '',
    -- canonical folded keys (package namekey): family, middle, given name, whole name, mother's given name
    surname_key   text NOT NULL,
    middle_key    text NOT NULL,
    given_key     text NOT NULL,
    name_key      text NOT NULL,
    mother_given_key text NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizens_given_year ON citizens (given_key, birth_year);
CREATE INDEX citizens_surname_year ON citizens (surname_key, birth_year);
CREATE INDEX citizens_given_mother ON citizens (given_key, mother_given_key);
CREATE INDEX citizens_name_trgm ON citizens USING gin (name_key gin_trgm_ops);

-- How many citizens carry each name part (refreshed after every import): common names weigh less.
CREATE TABLE citizen_name_counts (
    part  text NOT NULL CHECK (part IN ('surname', 'middle', 'given')),
    key   text NOT NULL,
    n     bigint NOT NULL,
    PRIMARY KEY (part, key)
);

-- Links of register entries to citizens: one row per person an entry names.
CREATE TABLE record_matches (
    record_id    bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    person       text NOT NULL DEFAULT '',
    status       text NOT NULL CHECK (status IN ('proposed', 'review', 'none', 'accepted', 'rejected', 'police')),
    so_dinh_danh text,
    candidates   jsonb NOT NULL DEFAULT '[]',
    version      int NOT NULL DEFAULT 1,
    matched_at   timestamptz NOT NULL DEFAULT now(),
    decided_by   bigint REFERENCES users (id),
    decided_at   timestamptz,
    PRIMARY KEY (record_id, person)
);
CREATE INDEX record_matches_status ON record_matches (status, record_id);
CREATE INDEX record_matches_citizen ON record_matches (so_dinh_danh) WHERE so_dinh_danh IS NOT NULL;

-- Pairs of entries that may name the same person, for a supervisor; never merged.
CREATE TABLE record_duplicates (
    id           bigserial PRIMARY KEY,
    record_a     bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    record_b     bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    reason       text NOT NULL,
    so_dinh_danh text,
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'same', 'different')),
    found_at     timestamptz NOT NULL DEFAULT now(),
    decided_by   bigint REFERENCES users (id),
    decided_at   timestamptz,
    CHECK (record_a < record_b),
    UNIQUE (record_a, record_b)
);
CREATE INDEX record_duplicates_open ON record_duplicates (id) WHERE status = 'open';
