package population_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/population"
	"github.com/sohoa/sohoa/storage/storagetest"
)

const header = "so_dinh_danh,ho_ten,gioi_tinh,ngay_sinh,noi_sinh,que_quan,ho_ten_cha,nam_sinh_cha,ho_ten_me,nam_sinh_me,noi_cu_tru\n"

// Importing the same extract twice changes nothing; a changed row is updated; the counts and
// progress say so; CSV and JSON lines give the same citizen.
func TestImportIsIdempotent(t *testing.T) {
	ctx := context.Background()
	store := storagetest.Store(t)
	csv := header +
		"001087000001,Nguyễn Văn An,Nam,12/03/1987,\"Xã Phúc Xá, Quận Ba Đình, Thành phố Hà Nội\",Thành phố Hà Nội,Nguyễn Văn Bình,1960,Trần Thị Cúc,1962,\n" +
		"019090000002,Ma Thị Hoa,Nữ,1990,Tỉnh Thái Nguyên,,,,,,\n"
	var progress bytes.Buffer
	c, err := population.Import(ctx, strings.NewReader(csv), store, population.Options{Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if c.Read != 2 || c.Inserted != 2 || c.Updated != 0 {
		t.Errorf("first import: got %+v, want 2 read, 2 inserted", c)
	}
	if !strings.Contains(progress.String(), "xong: 2 dòng đã đọc, 2 mới") {
		t.Errorf("progress: got %q", progress.String())
	}
	c, err = population.Import(ctx, strings.NewReader(csv), store, population.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Inserted != 0 || c.Updated != 0 || c.Unchanged != 2 {
		t.Errorf("same file again: got %+v, want 2 unchanged", c)
	}
	jsonl := `{"so_dinh_danh":"019090000002","ho_ten":"Ma Thị Hoa","gioi_tinh":"Nữ","ngay_sinh":"05/05/1990","noi_sinh":"Tỉnh Thái Nguyên","nam_sinh_me":1968}` + "\n"
	c, err = population.Import(ctx, strings.NewReader(jsonl), store, population.Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Updated != 1 {
		t.Errorf("a changed row: got %+v, want 1 updated", c)
	}
	got, err := store.Citizen(ctx, "019090000002")
	if err != nil {
		t.Fatal(err)
	}
	if got.Birth != (domain.PartialDate{Day: 5, Month: 5, Year: 1990}) || got.MotherYear != 1968 || got.Sex != "Nữ" {
		t.Errorf("updated citizen: got %+v", got)
	}
	counts, total, err := store.NameCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || counts["surname"]["nguien"] != 1 || counts["given"]["hoa"] != 1 {
		t.Errorf("name counts: got %v (total %d)", counts, total)
	}
}

// A bad row stops the import with its line and a reason; rows before it are kept.
func TestImportRefusesBadRows(t *testing.T) {
	ctx := context.Background()
	store := storagetest.Store(t)
	tests := []struct {
		name, in, want string
	}{
		{"short ID", header + "12345,Lê Văn Tám,Nam,1950,,,,,,,\n", "so_dinh_danh"},
		{"bad sex", header + "001050000001,Lê Văn Tám,Đực,1950,,,,,,,\n", "gioi_tinh"},
		{"bad date", header + "001050000001,Lê Văn Tám,Nam,31/02/19x0,,,,,,,\n", "ngay_sinh"},
		{"bad parent year", header + "001050000001,Lê Văn Tám,Nam,1950,,,Lê Văn Bảy,mười,,,\n", "nam_sinh_cha"},
		{"unknown column", "so_dinh_danh,ho_ten,ngay_sinh,cmnd\n", "cmnd"},
		{"missing column", "so_dinh_danh,ho_ten\n", "ngay_sinh"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := population.Import(ctx, strings.NewReader(tc.in), store, population.Options{})
			if !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an invalid-input error naming %s", err, tc.want)
			}
		})
	}
	in := header + "001050000001,Lê Văn Tám,Nam,1950,,,,,,,\n" + "001050000002,,Nam,1950,,,,,,,\n"
	_, err := population.Import(ctx, strings.NewReader(in), store, population.Options{Batch: 1})
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("got %v, want an error on line 3", err)
	}
	if _, err := store.Citizen(ctx, "001050000001"); err != nil {
		t.Errorf("the row before the bad one: %v, want kept", err)
	}
}
