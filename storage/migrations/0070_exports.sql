-- Every export handed out (file or download): who, when, what, how many entries and the file's
-- SHA-256, so a workbook found later can be traced to the export that made it.
CREATE TABLE exports (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                 timestamptz NOT NULL DEFAULT now(),
    actor              text   NOT NULL,
    user_id            bigint REFERENCES users (id),
    ledger_id          bigint REFERENCES ledgers (id),
    commune_code       text   NOT NULL DEFAULT '',
    kind               text   NOT NULL DEFAULT '',
    format             text   NOT NULL CHECK (format IN ('xlsx', 'csv', 'jsonl')),
    include_unfinished boolean NOT NULL DEFAULT false,
    entries            bigint NOT NULL CHECK (entries >= 0),
    bytes              bigint NOT NULL CHECK (bytes >= 0),
    sha256             text   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CHECK (ledger_id IS NOT NULL OR commune_code <> '')
);
CREATE INDEX exports_at ON exports (at);
