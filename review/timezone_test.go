package review_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/review"
)

// Point 11: times on screen and export names are in the configured zone (Hà Nội by default),
// not UTC.
func TestTimesInTheConfiguredZone(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	clerk := b.login(t, "canbo")
	clerk.next()
	before := time.Now()
	clerk.post(recordPath(ids[0])+"/confirm", confirmForm(0, 1))
	after := time.Now()
	hn, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	_, body := b.login(t, "giamsat").get(recordPath(ids[0]))
	okTime := strings.Contains(body, before.In(hn).Format("02/01/2006 15:04")) || strings.Contains(body, after.In(hn).Format("02/01/2006 15:04"))
	if !okTime {
		t.Errorf("entry page: no time in Hà Nội time (%s) in the history", before.In(hn).Format("02/01/2006 15:04"))
	}
	if utc := before.UTC().Format("02/01/2006 15:04"); utc != before.In(hn).Format("02/01/2006 15:04") && strings.Contains(body, utc) {
		t.Errorf("entry page shows the UTC time %s", utc)
	}
	resp, _ := b.login(t, "giamsat").get("/ledgers/" + strconv.FormatInt(b.ledger.ID, 10) + "/export.csv")
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, after.In(hn).Format("20060102")) {
		t.Errorf("export name %q: want the day in Hà Nội, %s", cd, after.In(hn).Format("20060102"))
	}
}
