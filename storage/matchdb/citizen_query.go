package matchdb

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

const citizenColumns = `so_dinh_danh, ho_ten, gioi_tinh, birth_day, birth_month, birth_year, noi_sinh, que_quan,
	ho_ten_cha, nam_sinh_cha, ho_ten_me, nam_sinh_me, noi_cu_tru`

func scanCitizen(row pgx.CollectableRow) (domain.Citizen, error) {
	var c domain.Citizen
	var d, m, y, fy, my int16
	err := row.Scan(&c.ID, &c.FullName, &c.Sex, &d, &m, &y, &c.BirthPlace, &c.HomeTown,
		&c.FatherName, &fy, &c.MotherName, &my, &c.Residence)
	c.Birth = domain.PartialDate{Day: int(d), Month: int(m), Year: int(y)}
	c.FatherYear, c.MotherYear = int(fy), int(my)
	return c, err
}

// Citizen returns one citizen by personal ID number.
func (s *Store) Citizen(ctx context.Context, id string) (domain.Citizen, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+citizenColumns+` FROM citizens WHERE so_dinh_danh = $1`, id)
	c, err := pgx.CollectExactlyOneRow(rows, scanCitizen)
	if err != nil {
		return c, fmt.Errorf("citizen %s: %w", id, pgbase.Translate(err))
	}
	return c, nil
}

// CitizenCandidates returns the citizens in the blocks of q (see domain.CitizenQuery), at most
// q.Limit of them. The blocks use b-tree indexes; within the fuzzy family-name-and-year block,
// fuzzystrmatch's levenshtein and pg_trgm's similarity pick the near names.
func (s *Store) CitizenCandidates(ctx context.Context, q domain.CitizenQuery) ([]domain.Citizen, error) {
	sql := `SELECT ` + citizenColumns + ` FROM citizens WHERE given_key = $1 AND birth_year = $2`
	if q.Year == 0 { // no year to block on: the same family and given name, any year
		// (capped on its own, so that a common name cannot crowd out the other blocks)
		sql += `
		UNION (SELECT ` + citizenColumns + ` FROM citizens WHERE surname_key = $4 AND given_key = $1 LIMIT 1000)`
	}
	if q.Fuzzy {
		sql += `
		UNION SELECT ` + citizenColumns + ` FROM citizens WHERE surname_key = $4 AND given_key = $1
			AND birth_year BETWEEN $2 - 2 AND $2 + 2
		UNION SELECT ` + citizenColumns + ` FROM citizens WHERE $5 <> '' AND given_key = $1 AND mother_given_key = $5
		UNION SELECT ` + citizenColumns + ` FROM citizens WHERE so_dinh_danh IN (SELECT so_dinh_danh FROM citizens
			WHERE surname_key = $4 AND birth_year = $2 AND (levenshtein(given_key, $1) <= 1 OR similarity(name_key, $6) >= 0.7))
		UNION SELECT ` + citizenColumns + ` FROM citizens WHERE given_key = $1 AND birth_year BETWEEN $2 - 2 AND $2 + 2
			AND birth_year <> $2 AND levenshtein(surname_key, $4) <= 1`
	}
	sql += ` LIMIT $3`
	limit := q.Limit
	if limit <= 0 {
		limit = 5000
	}
	args := []any{q.Given, q.Year, limit, q.Surname, q.MotherGiven, q.Name}
	switch {
	case q.Fuzzy:
	case q.Year == 0:
		args = args[:4]
	default:
		args = args[:3]
	}
	rows, _ := s.pool.Query(ctx, sql, args...)
	cs, err := pgx.CollectRows(rows, scanCitizen)
	if err != nil {
		return nil, fmt.Errorf("citizen candidates: %w", pgbase.Translate(err))
	}
	return cs, nil
}
