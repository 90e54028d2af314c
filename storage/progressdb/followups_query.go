package progressdb

// followupsQuery lists the 500 entries set aside last, in the communes of user $1 (all of them
// when all is true). A flagged entry's updated_at is when it was set aside (the flag's audit
// event is written in the same transaction, and nothing else changes a flagged entry), so the
// newest are found by walking the partial index records_flagged_at (migrations 0090, 0091) by
// time, skipping other communes' entries by the ledger the index holds, and only those 500 are
// read and look up who set them aside. Ordering by the audit event's time instead read every
// flagged entry of the country and its audit event (7 s at 10 million entries). Two texts rather than "$2 OR …", so that a cached generic plan
// cannot serve both cases.
func followupsQuery(all bool) string {
	scope := "$1::bigint IS NOT NULL"
	if !all {
		scope = "r.ledger_id = ANY(ARRAY(SELECT l.id FROM ledgers l JOIN user_communes uc ON uc.commune_code = l.commune_code WHERE uc.user_id = $1))"
	}
	return `
		SELECT r.id, l.id, a.name, l.book, s.page, r.idx, r.flag_reason, coalesce(e.actor, ''), coalesce(e.at, r.updated_at)
		FROM (SELECT r.id FROM records r WHERE r.status = 'flagged' AND ` + scope + `
		      ORDER BY r.updated_at DESC, r.id DESC LIMIT 500) top
		JOIN records r ON r.id = top.id
		JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id
		JOIN admin_units a ON a.code = l.commune_code
		LEFT JOIN LATERAL (SELECT actor, at FROM audit_events WHERE entity = 'record' AND entity_id = r.id
		                   AND action = 'record.flag' ORDER BY id DESC LIMIT 1) e ON true
		ORDER BY r.updated_at DESC, r.id DESC`
}
