-- One rule for "an entry passed every verification stage of its ledger" (issue 15): the check
-- queue, the export and the dashboard all decide it with these functions. A ledger's own stages
-- win over the installation's (SOHOA_CHECK_STAGES, passed in as `installation`: it lives in the
-- configuration, not the database). Plain SQL functions, IMMUTABLE: PostgreSQL inlines them, so
-- they cost nothing over the expressions they replace.

-- How many checks the entries of a ledger with these stages must pass.
CREATE FUNCTION stages_required(ledger_stages text[], installation text[]) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(cardinality(coalesce(ledger_stages, installation)), 0);

-- Whether an entry (its status and checks passed) is through every stage: confirmed, and
-- checked as many times as its ledger requires.
CREATE FUNCTION passed_stages(status text, checks_passed int, ledger_stages text[], installation text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN status = 'confirmed' AND checks_passed >= stages_required(ledger_stages, installation);

-- The same rule over a ledger's maintained counters (migrations 0072, 0080): of its confirmed
-- entries, those that passed as many checks as it requires (numeric: sums of counters are).
CREATE FUNCTION passed_stages_count(confirmed numeric, passed1 numeric, passed2 numeric, ledger_stages text[], installation text[])
    RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE stages_required(ledger_stages, installation) WHEN 0 THEN confirmed WHEN 1 THEN passed1 ELSE passed2 END;
