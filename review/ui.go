package review

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"maps"
	"net/http"
	"net/netip"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/gazetteer"
	"github.com/sohoa/sohoa/upload"
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
	Lease         time.Duration // how long an opened entry stays reserved without a heartbeat
	SessionTTL    time.Duration // idle time before a login ends
	SessionMaxAge time.Duration // time after which a login ends however busy it is (default 24 h)
	SecureCookie  bool          // always mark cookies Secure (behind a TLS-terminating proxy)
	// TrustedProxies are the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
	// believed (SOHOA_TRUSTED_PROXIES); from anyone else the headers are ignored.
	TrustedProxies []netip.Prefix
	// PasswordChecks caps password hashes running at once (default: the cores divided by the
	// cores one hash uses, at least 1).
	PasswordChecks int
	// CheckPassword checks a password against a stored hash (default auth.CheckPassword); tests
	// count calls through it.
	CheckPassword func(hash, password string) (bool, error)
	// BodyLimits gives a route pattern a body limit above the 64 KB of a form, and lets it take
	// multipart bodies (a photo upload page).
	BodyLimits map[string]int64
	Location   *time.Location // time zone for times on screen and "today" (default Asia/Ho_Chi_Minh)
}

// UI serves the browser pages.
type UI struct {
	store     Store
	objects   Objects
	validator Validator
	logger    *slog.Logger
	cfg       Config
	pages     map[string]*template.Template
	limiter   *loginLimiter
	communes  *gazetteer.Directory
	completer Completer // keying assistance; nil: none
	passwords *passwordGate
	uploader  Uploader // the phone capture page's way in (SetUploader)
}

// New parses the templates once and builds the UI.
func New(store Store, objects Objects, v Validator, logger *slog.Logger, cfg Config) (*UI, error) {
	if cfg.Lease <= 0 {
		cfg.Lease = 5 * time.Minute
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.SessionMaxAge <= 0 {
		cfg.SessionMaxAge = 24 * time.Hour
	}
	if cfg.Location == nil {
		cfg.Location = defaultLocation()
	}
	if _, ok := cfg.BodyLimits[capturePattern]; !ok { // a phone photo, at most what an upload may be
		cfg.BodyLimits = maps.Clone(cfg.BodyLimits)
		if cfg.BodyLimits == nil {
			cfg.BodyLimits = map[string]int64{}
		}
		cfg.BodyLimits[capturePattern] = upload.DefaultMaxBytes
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	communes, err := gazetteer.NewDirectory()
	if err != nil {
		return nil, err
	}
	return &UI{store: store, objects: objects, validator: v, logger: logger, cfg: cfg, pages: pages,
		limiter: newLoginLimiter(userAtAddr, anyAtAddr), passwords: newPasswordGate(cfg.PasswordChecks, cfg.CheckPassword),
		communes: communes}, nil
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

// routeMux is what Register adds routes to.
type routeMux = interface {
	Handle(pattern string, h http.Handler)
}

// Register adds every route of the browser UI to mux, top to bottom. Each is a handler in a file
// of its own, named noun_verb.go.
func (ui *UI) Register(mux interface {
	Handle(pattern string, h http.Handler)
}) {
	ui.registerPublic(mux)
	ui.registerClerk(mux)
	ui.registerSupervisor(mux)
	ui.registerAdmin(mux)
	mux.Handle("/", ui.page(notFound))
}

// registerPublic adds the routes that need no signed-in user: static files, login and language.
func (ui *UI) registerPublic(mux routeMux) {
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.Handle("GET /login", ui.page(ui.loginShow))
	mux.Handle("GET /favicon.ico", http.RedirectHandler("/static/favicon.svg", http.StatusMovedPermanently))
	mux.Handle("POST /login", ui.page(ui.loginSubmit))
	mux.Handle("POST /logout", ui.page(ui.logout))
	mux.Handle("GET /lang/{lang}", ui.page(ui.langSwitch))
}

// registerClerk adds the clerks' routes: review, follow-ups, checks and capture (and the keys
// page, which any visitor may see). Capture is also open to capture accounts, who may use
// nothing else ("/" sends them there).
func (ui *UI) registerClerk(mux routeMux) {
	mux.Handle("GET /{$}", ui.user(domain.RoleClerk, ui.homeShow))
	mux.Handle("POST /review/next", ui.user(domain.RoleClerk, ui.queueNext))
	mux.Handle("GET /review/records/{id}", ui.user(domain.RoleClerk, ui.recordShow))
	mux.Handle("GET /review/records/{id}/image", ui.user(domain.RoleClerk, ui.recordImage))
	mux.Handle("GET /review/records/{id}/complete", ui.user(domain.RoleClerk, ui.recordComplete))
	mux.Handle("POST /review/records/{id}/confirm", ui.user(domain.RoleClerk, ui.recordConfirm))
	mux.Handle("POST /review/records/{id}/flag", ui.user(domain.RoleClerk, ui.recordFlag))
	mux.Handle("POST /review/records/{id}/release", ui.user(domain.RoleClerk, ui.recordRelease))
	mux.Handle("POST /review/records/{id}/lease", ui.user(domain.RoleClerk, ui.recordLease))
	mux.Handle("POST /review/records/{id}/resolve", ui.user(domain.RoleClerk, ui.recordResolve))
	mux.Handle("POST /review/records/{id}/requeue", ui.user(domain.RoleClerk, ui.recordRequeue))
	mux.Handle("POST /review/records/{id}/note", ui.user(domain.RoleClerk, ui.recordNote))
	mux.Handle("GET /followups", ui.user(domain.RoleClerk, ui.followupList))
	mux.Handle("POST /checks/next", ui.user(domain.RoleClerk, ui.checkNext))
	mux.Handle("GET /checks/{id}", ui.user(domain.RoleClerk, ui.checkShow))
	mux.Handle("POST /checks/{id}", ui.user(domain.RoleClerk, ui.checkSubmit))
	mux.Handle("POST /checks/{id}/lease", ui.user(domain.RoleClerk, ui.checkLease))
	mux.Handle("GET /keys", ui.page(ui.keysShow))
	mux.Handle("GET /capture", ui.user(domain.RoleCapture, ui.captureShow))
	mux.Handle(capturePattern, ui.user(domain.RoleCapture, ui.capturePhoto))
}

// registerSupervisor adds the supervisors' routes: ledgers, matches, duplicates, reprocessing,
// disputes and progress.
func (ui *UI) registerSupervisor(mux routeMux) {
	mux.Handle("GET /ledgers", ui.user(domain.RoleSupervisor, ui.ledgerList))
	mux.Handle("GET /ledgers/new", ui.user(domain.RoleSupervisor, ui.ledgerNew))
	mux.Handle("POST /ledgers", ui.user(domain.RoleSupervisor, ui.ledgerCreate))
	mux.Handle("GET /ledgers/{id}/edit", ui.user(domain.RoleSupervisor, ui.ledgerEdit))
	mux.Handle("POST /ledgers/{id}", ui.user(domain.RoleSupervisor, ui.ledgerUpdate))
	mux.Handle("GET /communes", ui.user(domain.RoleSupervisor, ui.communeSearch))
	mux.Handle("POST /ledgers/{id}/priority", ui.user(domain.RoleSupervisor, ui.ledgerPriority))
	mux.Handle("GET /ledgers/{id}/export.csv", ui.user(domain.RoleSupervisor, ui.ledgerExport))
	mux.Handle("GET /ledgers/{id}/export", ui.user(domain.RoleSupervisor, ui.ledgerExportFile))
	mux.Handle("POST /scans/{id}/retry", ui.user(domain.RoleSupervisor, ui.scanRetry))
	mux.Handle("GET /matches", ui.user(domain.RoleSupervisor, ui.matchList))
	mux.Handle("GET /matches/{id}", ui.user(domain.RoleSupervisor, ui.matchShow))
	mux.Handle("POST /matches/{id}/decide", ui.user(domain.RoleSupervisor, ui.matchDecide))
	mux.Handle("GET /duplicates", ui.user(domain.RoleSupervisor, ui.duplicateList))
	mux.Handle("POST /duplicates/{id}/decide", ui.user(domain.RoleSupervisor, ui.duplicateDecide))
	mux.Handle("POST /ledgers/{id}/reprocess", ui.user(domain.RoleSupervisor, ui.reprocessStart))
	mux.Handle("POST /scans/{id}/reprocess", ui.user(domain.RoleSupervisor, ui.reprocessStart))
	mux.Handle("GET /reprocess/{id}", ui.user(domain.RoleSupervisor, ui.reprocessShow))
	mux.Handle("GET /disputes", ui.user(domain.RoleSupervisor, ui.disputeList))
	mux.Handle("GET /disputes/{id}", ui.user(domain.RoleSupervisor, ui.disputeShow))
	mux.Handle("POST /disputes/{id}", ui.user(domain.RoleSupervisor, ui.disputeSettle))
	mux.Handle("GET /ledgers/{id}/stages", ui.user(domain.RoleSupervisor, ui.ledgerStagesShow))
	mux.Handle("POST /ledgers/{id}/stages", ui.user(domain.RoleSupervisor, ui.ledgerStagesUpdate))
	mux.Handle("GET /progress", ui.user(domain.RoleSupervisor, ui.progressShow))
	mux.Handle("GET /api/v1/progress", ui.user(domain.RoleSupervisor, ui.progressAPI))
}

// registerAdmin adds the administrators' routes: users.
func (ui *UI) registerAdmin(mux routeMux) {
	mux.Handle("GET /admin/users", ui.user(domain.RoleAdmin, ui.userList))
	mux.Handle("POST /admin/users", ui.user(domain.RoleAdmin, ui.userCreate))
	mux.Handle("POST /admin/users/{id}/disable", ui.user(domain.RoleAdmin, ui.userDisable))
	mux.Handle("POST /admin/users/{id}/enable", ui.user(domain.RoleAdmin, ui.userEnable))
	mux.Handle("POST /admin/users/{id}/password", ui.user(domain.RoleAdmin, ui.userPassword))
	mux.Handle("POST /admin/users/{id}/communes", ui.user(domain.RoleAdmin, ui.userCommunes))
	mux.Handle("POST /admin/users/{id}/sessions/revoke", ui.user(domain.RoleAdmin, ui.userSessionsRevoke))
}

func notFound(w http.ResponseWriter, r *request) error {
	return fmt.Errorf("%w: no page %s", domain.ErrNotFound, r.URL.Path)
}
