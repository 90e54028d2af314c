package matchdb

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

var citizenCopyColumns = []string{"so_dinh_danh", "ho_ten", "gioi_tinh", "birth_day", "birth_month", "birth_year",
	"noi_sinh", "que_quan", "ho_ten_cha", "nam_sinh_cha", "ho_ten_me", "nam_sinh_me", "noi_cu_tru",
	"surname_key", "middle_key", "given_key", "name_key", "mother_given_key"}

// UpsertCitizens writes a batch of citizens (distinct IDs) in one transaction: streamed with COPY
// into a temporary table, then inserted, or updated where the ID exists and a value changed, so
// importing the same extract again changes nothing.
func (s *Store) UpsertCitizens(ctx context.Context, batch []domain.Citizen) (domain.ImportCounts, error) {
	var c domain.ImportCounts
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `CREATE TEMP TABLE citizens_in (LIKE citizens INCLUDING DEFAULTS) ON COMMIT DROP`); err != nil {
			return err
		}
		rows := pgx.CopyFromSlice(len(batch), func(i int) ([]any, error) {
			k := batch[i]
			return []any{k.ID, k.FullName, k.Sex, k.Birth.Day, k.Birth.Month, k.Birth.Year, k.BirthPlace, k.HomeTown,
				k.FatherName, k.FatherYear, k.MotherName, k.MotherYear, k.Residence,
				k.Keys.Surname, k.Keys.Middle, k.Keys.Given, k.Keys.Name, k.Keys.MotherGiven}, nil
		})
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"citizens_in"}, citizenCopyColumns, rows); err != nil {
			return err
		}
		return tx.QueryRow(ctx, upsertCitizensSQL).Scan(&c.Inserted, &c.Updated)
	})
	if err != nil {
		return c, fmt.Errorf("import citizens: %w", pgbase.Translate(err))
	}
	c.Read = int64(len(batch))
	c.Unchanged = c.Read - c.Inserted - c.Updated
	return c, nil
}

const upsertCitizensSQL = `
WITH up AS (
	INSERT INTO citizens (so_dinh_danh, ho_ten, gioi_tinh, birth_day, birth_month, birth_year, noi_sinh, que_quan,
		ho_ten_cha, nam_sinh_cha, ho_ten_me, nam_sinh_me, noi_cu_tru,
		surname_key, middle_key, given_key, name_key, mother_given_key)
	SELECT so_dinh_danh, ho_ten, gioi_tinh, birth_day, birth_month, birth_year, noi_sinh, que_quan,
		ho_ten_cha, nam_sinh_cha, ho_ten_me, nam_sinh_me, noi_cu_tru,
		surname_key, middle_key, given_key, name_key, mother_given_key FROM citizens_in
	ON CONFLICT (so_dinh_danh) DO UPDATE SET ho_ten = excluded.ho_ten, gioi_tinh = excluded.gioi_tinh,
		birth_day = excluded.birth_day, birth_month = excluded.birth_month, birth_year = excluded.birth_year,
		noi_sinh = excluded.noi_sinh, que_quan = excluded.que_quan, ho_ten_cha = excluded.ho_ten_cha,
		nam_sinh_cha = excluded.nam_sinh_cha, ho_ten_me = excluded.ho_ten_me, nam_sinh_me = excluded.nam_sinh_me,
		noi_cu_tru = excluded.noi_cu_tru, surname_key = excluded.surname_key, middle_key = excluded.middle_key,
		given_key = excluded.given_key, name_key = excluded.name_key, mother_given_key = excluded.mother_given_key,
		imported_at = now()
	WHERE (citizens.ho_ten, citizens.gioi_tinh, citizens.birth_day, citizens.birth_month, citizens.birth_year,
		citizens.noi_sinh, citizens.que_quan, citizens.ho_ten_cha, citizens.nam_sinh_cha, citizens.ho_ten_me,
		citizens.nam_sinh_me, citizens.noi_cu_tru, citizens.name_key, citizens.mother_given_key)
		IS DISTINCT FROM (excluded.ho_ten, excluded.gioi_tinh, excluded.birth_day, excluded.birth_month,
		excluded.birth_year, excluded.noi_sinh, excluded.que_quan, excluded.ho_ten_cha, excluded.nam_sinh_cha,
		excluded.ho_ten_me, excluded.nam_sinh_me, excluded.noi_cu_tru, excluded.name_key, excluded.mother_given_key)
	RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up`

// RefreshNameCounts recounts how many citizens carry each family, middle and given name key.
func (s *Store) RefreshNameCounts(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM citizen_name_counts;
			INSERT INTO citizen_name_counts (part, key, n)
			SELECT 'surname', surname_key, count(*) FROM citizens GROUP BY surname_key
			UNION ALL SELECT 'middle', middle_key, count(*) FROM citizens GROUP BY middle_key
			UNION ALL SELECT 'given', given_key, count(*) FROM citizens GROUP BY given_key`)
		return err
	})
	if err != nil {
		return fmt.Errorf("count citizens' names: %w", pgbase.Translate(err))
	}
	return nil
}

// NameCounts returns, per part (surname, middle, given), how many citizens carry each key, and
// the number of citizens.
func (s *Store) NameCounts(ctx context.Context) (map[string]map[string]int64, int64, error) {
	out := map[string]map[string]int64{"surname": {}, "middle": {}, "given": {}}
	var part, key string
	var n, total int64
	rows, _ := s.pool.Query(ctx, `SELECT part, key, n FROM citizen_name_counts`)
	_, err := pgx.ForEachRow(rows, []any{&part, &key, &n}, func() error {
		out[part][key] = n
		if part == "surname" {
			total += n
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("citizens' name counts: %w", pgbase.Translate(err))
	}
	return out, total, nil
}

// ClusterCitizens rewrites the citizens table in the order of matching's main block (given name,
// birth year), so that a block's rows sit on a few pages instead of one page each. It locks the
// table while it runs (about a minute for a million rows); rows imported later are appended.
func (s *Store) ClusterCitizens(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `CLUSTER citizens USING citizens_given_year`); err != nil {
		return fmt.Errorf("cluster citizens: %w", pgbase.Translate(err))
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE citizens`); err != nil {
		return fmt.Errorf("analyze citizens: %w", pgbase.Translate(err))
	}
	return nil
}
