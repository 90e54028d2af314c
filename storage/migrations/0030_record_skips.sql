-- Entries a clerk gave back (F4): the queue offers them to that clerk again only when nothing
-- else is left, so "next" does not hand back the entry just given back.
CREATE TABLE record_skips (
    record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, record_id)
);
