package review

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Validator checks a value a clerk confirms, with the same rules as extraction. It returns the
// normalised value, the issues found, and an error wrapping domain.ErrInvalid when the value
// cannot be accepted at all (an impossible date, say).
type Validator interface {
	Field(kind domain.Kind, field, value string) (normalised string, issues []domain.Issue, err error)
}

// Config tunes the review screens.
type Config struct {
	Lease        time.Duration // how long an opened entry stays reserved without a heartbeat
	SessionTTL   time.Duration // idle time before a login ends
	SecureCookie bool          // always mark cookies Secure (behind a TLS-terminating proxy)
}

// UI serves the browser pages.
type UI struct {
	store     *storage.Store
	objects   *storage.Objects
	validator Validator
	logger    *slog.Logger
	cfg       Config
	pages     map[string]*template.Template
	limiter   *loginLimiter
}

// New parses the templates once and builds the UI.
func New(store *storage.Store, objects *storage.Objects, v Validator, logger *slog.Logger, cfg Config) (*UI, error) {
	if cfg.Lease <= 0 {
		cfg.Lease = 5 * time.Minute
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	return &UI{store: store, objects: objects, validator: v, logger: logger, cfg: cfg, pages: pages,
		limiter: newLoginLimiter(5, 5*time.Minute)}, nil
}

func parseTemplates() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		pages[n[len("templates/"):]] = t
	}
	return pages, nil
}

// Register adds every route of the browser UI to mux, top to bottom. Each is a handler in a file
// of its own, named noun_verb.go.
func (ui *UI) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.Handle("GET /login", ui.page(ui.loginShow))
	mux.Handle("POST /login", ui.page(ui.loginSubmit))
	mux.Handle("POST /logout", ui.page(ui.logout))
	mux.Handle("GET /lang/{lang}", ui.page(ui.langSwitch))

	mux.Handle("GET /{$}", ui.user(domain.RoleClerk, ui.homeShow))
	mux.Handle("POST /review/next", ui.user(domain.RoleClerk, ui.queueNext))
	mux.Handle("GET /review/records/{id}", ui.user(domain.RoleClerk, ui.recordShow))
	mux.Handle("GET /review/records/{id}/image", ui.user(domain.RoleClerk, ui.recordImage))
	mux.Handle("POST /review/records/{id}/confirm", ui.user(domain.RoleClerk, ui.recordConfirm))
	mux.Handle("POST /review/records/{id}/flag", ui.user(domain.RoleClerk, ui.recordFlag))
	mux.Handle("POST /review/records/{id}/release", ui.user(domain.RoleClerk, ui.recordRelease))
	mux.Handle("POST /review/records/{id}/lease", ui.user(domain.RoleClerk, ui.recordLease))
	mux.Handle("GET /followups", ui.user(domain.RoleClerk, ui.followupList))

	mux.Handle("GET /ledgers", ui.user(domain.RoleSupervisor, ui.ledgerList))
	mux.Handle("POST /ledgers/{id}/priority", ui.user(domain.RoleSupervisor, ui.ledgerPriority))
	mux.Handle("GET /ledgers/{id}/export.csv", ui.user(domain.RoleSupervisor, ui.ledgerExport))
	mux.Handle("GET /ledgers/{id}/export", ui.user(domain.RoleSupervisor, ui.ledgerExportFile))
	mux.Handle("POST /scans/{id}/retry", ui.user(domain.RoleSupervisor, ui.scanRetry))
	mux.Handle("POST /ledgers/{id}/reprocess", ui.user(domain.RoleSupervisor, ui.reprocessStart))
	mux.Handle("POST /scans/{id}/reprocess", ui.user(domain.RoleSupervisor, ui.reprocessStart))
	mux.Handle("GET /reprocess/{id}", ui.user(domain.RoleSupervisor, ui.reprocessShow))
	mux.Handle("GET /progress", ui.user(domain.RoleSupervisor, ui.progressShow))
	mux.Handle("GET /api/v1/progress", ui.user(domain.RoleSupervisor, ui.progressAPI))

	mux.Handle("GET /admin/users", ui.user(domain.RoleAdmin, ui.userList))
	mux.Handle("POST /admin/users", ui.user(domain.RoleAdmin, ui.userCreate))

	mux.Handle("/", ui.page(notFound))
}

func notFound(w http.ResponseWriter, r *request) error {
	return fmt.Errorf("%w: no page %s", domain.ErrNotFound, r.URL.Path)
}
