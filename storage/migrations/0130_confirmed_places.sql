-- Places clerks confirmed, per commune (issue 11, item 4: "hamlets and places already
-- confirmed in the same commune"). The completion query used to walk the country-wide index of
-- confirmed place fields (0020) and join each hit to its entry, page and ledger to keep the
-- commune's; at 10 million entries most hits of a short prefix are other communes'. This table
-- holds each commune's confirmed place values with how many fields use them, kept by a trigger
-- on fields so every way of confirming, correcting, reopening or deleting keeps it right.
CREATE TABLE confirmed_places (
    commune_code text   NOT NULL,
    value        text   NOT NULL,
    folded       text   NOT NULL, -- sohoa_fold(value)
    uses         bigint NOT NULL CHECK (uses > 0),
    PRIMARY KEY (commune_code, value)
);
-- The completion query: a commune's places whose folded value starts with a prefix.
CREATE INDEX confirmed_places_prefix ON confirmed_places (commune_code, folded text_pattern_ops);

-- sohoa_place_field says whether a field row counts as a confirmed place.
CREATE FUNCTION sohoa_place_field(name text, status text, value text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT status IN ('confirmed', 'corrected') AND value <> ''
       AND name IN ('birth_place', 'residence', 'husband_residence', 'wife_residence', 'death_place')
$$;

-- confirmed_places_add adds d (1 or -1) uses of value to the commune of record rec's ledger.
CREATE FUNCTION confirmed_places_add(rec bigint, v text, d int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    SELECT l.commune_code INTO c FROM records r JOIN ledgers l ON l.id = r.ledger_id WHERE r.id = rec;
    IF c IS NULL THEN
        RETURN;
    END IF;
    IF d > 0 THEN
        INSERT INTO confirmed_places AS p (commune_code, value, folded, uses) VALUES (c, v, sohoa_fold(v), d)
        ON CONFLICT (commune_code, value) DO UPDATE SET uses = p.uses + d;
    ELSE
        DELETE FROM confirmed_places WHERE commune_code = c AND value = v AND uses <= -d;
        UPDATE confirmed_places SET uses = uses + d WHERE commune_code = c AND value = v;
    END IF;
END $$;

CREATE FUNCTION fields_confirmed_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND sohoa_place_field(OLD.name, OLD.status, OLD.value) THEN
        PERFORM confirmed_places_add(OLD.record_id, OLD.value, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND sohoa_place_field(NEW.name, NEW.status, NEW.value) THEN
        PERFORM confirmed_places_add(NEW.record_id, NEW.value, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER fields_confirmed_places AFTER INSERT OR DELETE OR UPDATE OF name, status, value, record_id ON fields
    FOR EACH ROW EXECUTE FUNCTION fields_confirmed_places();

INSERT INTO confirmed_places (commune_code, value, folded, uses)
SELECT l.commune_code, f.value, sohoa_fold(f.value), count(*)
FROM fields f JOIN records r ON r.id = f.record_id JOIN ledgers l ON l.id = r.ledger_id
WHERE sohoa_place_field(f.name, f.status, f.value)
GROUP BY l.commune_code, f.value;
