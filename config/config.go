package config

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zone data inside the binary: Windows and slim images have none
)

// Config is every setting of the sohoa process. Each field has an environment variable (SOHOA_…)
// and a flag of the same name in kebab case; a flag given on the command line wins.
type Config struct {
	DatabaseURL string // SOHOA_DATABASE_URL: PostgreSQL connection URL
	S3          S3
	Listen      string        // SOHOA_LISTEN: HTTP listen address
	Workers     int           // SOHOA_WORKERS: background job workers in this process
	LogFormat   string        // SOHOA_LOG_FORMAT: text or json
	LogLevel    string        // SOHOA_LOG_LEVEL: debug, info, warn, error
	Shutdown    time.Duration // SOHOA_SHUTDOWN_TIMEOUT: grace period for in-flight requests and jobs
	DataDir     string        // SOHOA_DATA_DIR: where sohoa up keeps its own PostgreSQL and MinIO
	TLSCert     string        // SOHOA_TLS_CERT: serve HTTPS with this certificate (PEM)…
	TLSKey      string        // SOHOA_TLS_KEY: …and this key
	// SecureCookies (SOHOA_SECURE_COOKIES) marks cookies Secure behind a TLS-terminating proxy.
	SecureCookies bool
	// TrustedProxies (SOHOA_TRUSTED_PROXIES): reverse proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed, as addresses or CIDR prefixes, comma separated.
	TrustedProxies []netip.Prefix
	// MetricsListen (SOHOA_METRICS_LISTEN): serve /metrics on this address only.
	MetricsListen string
	// MetricsToken (SOHOA_METRICS_TOKEN): serve /metrics on the main address to this bearer token.
	MetricsToken string
	// MigrateDatabaseURL (SOHOA_MIGRATE_DATABASE_URL): the schema owner's connection, used to
	// migrate; SOHOA_DATABASE_URL is then the application's role, which cannot alter the schema.
	MigrateDatabaseURL string
	// Timezone (SOHOA_TIMEZONE) is the zone of times on screen, "today" counts and exports.
	Timezone string
	// TemplatesDir (SOHOA_TEMPLATES_DIR, --templates): a folder of extra or replacement register
	// templates (*.json) for the workers' reader; none when empty.
	TemplatesDir string
}

// S3 locates the object store holding originals and derived images.
type S3 struct {
	Endpoint  string // SOHOA_S3_ENDPOINT: host:port or http(s)://host:port
	AccessKey string // SOHOA_S3_ACCESS_KEY
	SecretKey string // SOHOA_S3_SECRET_KEY
	Bucket    string // SOHOA_S3_BUCKET
	Region    string // SOHOA_S3_REGION
}

// Host returns the endpoint without its scheme, as minio-go wants it.
func (s S3) Host() string {
	if u, err := url.Parse(s.Endpoint); err == nil && u.Host != "" {
		return u.Host
	}
	return s.Endpoint
}

// Secure reports whether the endpoint is reached over HTTPS.
func (s S3) Secure() bool { return strings.HasPrefix(s.Endpoint, "https://") }

// Defaults for settings that have one.
const (
	DefaultListen   = "127.0.0.1:8080"
	DefaultBucket   = "sohoa"
	DefaultRegion   = "us-east-1"
	DefaultShutdown = 30 * time.Second
	DefaultDataDir  = ".sohoa"
	DefaultTimezone = "Asia/Ho_Chi_Minh"
)

// Setting names one configurable value: its flag, environment variable and help text.
type Setting struct {
	Flag, Env, Help string
}

// Settings lists every setting in the order the README's table shows them.
var Settings = []Setting{
	{"database-url", "SOHOA_DATABASE_URL", "PostgreSQL URL, e.g. postgres://user@host:5432/sohoa"},
	{"s3-endpoint", "SOHOA_S3_ENDPOINT", "S3 endpoint (MinIO or any S3), host:port or https://host"},
	{"s3-access-key", "SOHOA_S3_ACCESS_KEY", "S3 access key"},
	{"s3-secret-key", "SOHOA_S3_SECRET_KEY", "S3 secret key"},
	{"s3-bucket", "SOHOA_S3_BUCKET", "bucket for originals and derived images (created when missing)"},
	{"s3-region", "SOHOA_S3_REGION", "S3 region"},
	{"listen", "SOHOA_LISTEN", "HTTP listen address"},
	{"workers", "SOHOA_WORKERS", "background job workers in this process (0 = none)"},
	{"templates", "SOHOA_TEMPLATES_DIR", "folder of extra or replacement register templates (*.json) for reading pages"},
	{"log-format", "SOHOA_LOG_FORMAT", "log format: text or json"},
	{"log-level", "SOHOA_LOG_LEVEL", "log level: debug, info, warn or error"},
	{"shutdown-timeout", "SOHOA_SHUTDOWN_TIMEOUT", "grace period for in-flight requests and jobs at shutdown"},
	{"data-dir", "SOHOA_DATA_DIR", "folder where sohoa up keeps its own PostgreSQL and MinIO data"},
	{"tls-cert", "SOHOA_TLS_CERT", "serve HTTPS with this PEM certificate (with --tls-key)"},
	{"tls-key", "SOHOA_TLS_KEY", "PEM private key for --tls-cert"},
	{"secure-cookies", "SOHOA_SECURE_COOKIES", "mark login cookies Secure even over plain HTTP (set when a proxy terminates TLS)"},
	{"trusted-proxies", "SOHOA_TRUSTED_PROXIES", "reverse proxies (addresses or CIDR, comma separated) whose X-Forwarded-For / -Proto are believed"},
	{"metrics-listen", "SOHOA_METRICS_LISTEN", "serve /metrics on this address only (e.g. 127.0.0.1:9090)"},
	{"metrics-token", "SOHOA_METRICS_TOKEN", "serve /metrics on the main address to requests with this bearer token"},
	{"migrate-database-url", "SOHOA_MIGRATE_DATABASE_URL", "PostgreSQL URL of the schema owner, used for migrations (SOHOA_DATABASE_URL is then the app's role)"},
	{"timezone", "SOHOA_TIMEZONE", "time zone of times on screen, today's counts and exports (IANA name)"},
}

// Load fills a Config from the environment (through getenv) and registers flags on fs that
// override it; call fs.Parse afterwards, then Validate.
func Load(fs *flag.FlagSet, getenv func(string) string) (*Config, error) {
	c := &Config{
		DatabaseURL: getenv("SOHOA_DATABASE_URL"),
		S3: S3{
			Endpoint:  getenv("SOHOA_S3_ENDPOINT"),
			AccessKey: getenv("SOHOA_S3_ACCESS_KEY"),
			SecretKey: getenv("SOHOA_S3_SECRET_KEY"),
			Bucket:    cmp.Or(getenv("SOHOA_S3_BUCKET"), DefaultBucket),
			Region:    cmp.Or(getenv("SOHOA_S3_REGION"), DefaultRegion),
		},
		Listen:    cmp.Or(getenv("SOHOA_LISTEN"), DefaultListen),
		LogFormat: cmp.Or(getenv("SOHOA_LOG_FORMAT"), "text"),
		LogLevel:  cmp.Or(getenv("SOHOA_LOG_LEVEL"), "info"),
		DataDir:   cmp.Or(getenv("SOHOA_DATA_DIR"), DefaultDataDir),
		TLSCert:   getenv("SOHOA_TLS_CERT"),
		TLSKey:    getenv("SOHOA_TLS_KEY"),
		Timezone:  cmp.Or(getenv("SOHOA_TIMEZONE"), DefaultTimezone),
		Workers:   runtime.NumCPU(),
		Shutdown:  DefaultShutdown,

		MetricsListen:      getenv("SOHOA_METRICS_LISTEN"),
		MetricsToken:       getenv("SOHOA_METRICS_TOKEN"),
		MigrateDatabaseURL: getenv("SOHOA_MIGRATE_DATABASE_URL"),
		TemplatesDir:       getenv("SOHOA_TEMPLATES_DIR"),
	}
	if err := c.parseEnv(getenv); err != nil {
		return nil, err
	}
	c.register(fs)
	return c, nil
}

// parseEnv reads the settings that are not plain strings from the environment.
func (c *Config) parseEnv(getenv func(string) string) error {
	if v := getenv("SOHOA_TRUSTED_PROXIES"); v != "" {
		ps, err := ParseProxies(v)
		if err != nil {
			return err
		}
		c.TrustedProxies = ps
	}
	if v := getenv("SOHOA_WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("SOHOA_WORKERS: %q is not a whole number", v)
		}
		c.Workers = n
	}
	if v := getenv("SOHOA_SECURE_COOKIES"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("SOHOA_SECURE_COOKIES: %q is not true or false", v)
		}
		c.SecureCookies = b
	}
	if v := getenv("SOHOA_SHUTDOWN_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("SOHOA_SHUTDOWN_TIMEOUT: %q is not a duration such as 30s", v)
		}
		c.Shutdown = d
	}
	return nil
}

// help is a setting's help text for its flag, naming its environment variable.
func help(name string) string {
	for _, s := range Settings {
		if s.Flag == name {
			return s.Help + " (" + s.Env + ")"
		}
	}
	return name
}

// TemplatesFlag registers --templates on fs, defaulting to SOHOA_TEMPLATES_DIR: the one
// definition of the setting, for the commands that read pages without the rest of the
// configuration (extract, eval).
func TemplatesFlag(fs *flag.FlagSet, getenv func(string) string) *string {
	return fs.String("templates", getenv("SOHOA_TEMPLATES_DIR"), help("templates"))
}

// register adds a flag for every setting to fs, its default what the environment gave.
func (c *Config) register(fs *flag.FlagSet) {
	fs.StringVar(&c.DatabaseURL, "database-url", c.DatabaseURL, help("database-url"))
	fs.StringVar(&c.S3.Endpoint, "s3-endpoint", c.S3.Endpoint, help("s3-endpoint"))
	fs.StringVar(&c.S3.AccessKey, "s3-access-key", c.S3.AccessKey, help("s3-access-key"))
	fs.StringVar(&c.S3.SecretKey, "s3-secret-key", c.S3.SecretKey, help("s3-secret-key"))
	fs.StringVar(&c.S3.Bucket, "s3-bucket", c.S3.Bucket, help("s3-bucket"))
	fs.StringVar(&c.S3.Region, "s3-region", c.S3.Region, help("s3-region"))
	fs.StringVar(&c.Listen, "listen", c.Listen, help("listen"))
	fs.IntVar(&c.Workers, "workers", c.Workers, help("workers"))
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, help("log-format"))
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, help("log-level"))
	fs.DurationVar(&c.Shutdown, "shutdown-timeout", c.Shutdown, help("shutdown-timeout"))
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, help("data-dir"))
	fs.StringVar(&c.TLSCert, "tls-cert", c.TLSCert, help("tls-cert"))
	fs.StringVar(&c.TLSKey, "tls-key", c.TLSKey, help("tls-key"))
	fs.BoolVar(&c.SecureCookies, "secure-cookies", c.SecureCookies, help("secure-cookies"))
	fs.Func("trusted-proxies", help("trusted-proxies"), func(v string) error {
		ps, err := ParseProxies(v)
		c.TrustedProxies = ps
		return err
	})
	fs.StringVar(&c.MetricsListen, "metrics-listen", c.MetricsListen, help("metrics-listen"))
	fs.StringVar(&c.MetricsToken, "metrics-token", c.MetricsToken, help("metrics-token"))
	fs.StringVar(&c.MigrateDatabaseURL, "migrate-database-url", c.MigrateDatabaseURL, help("migrate-database-url"))
	fs.StringVar(&c.Timezone, "timezone", c.Timezone, help("timezone"))
	fs.StringVar(&c.TemplatesDir, "templates", c.TemplatesDir, help("templates"))
}

// ParseProxies reads a comma-separated list of addresses and CIDR prefixes.
func ParseProxies(v string) ([]netip.Prefix, error) {
	var ps []netip.Prefix
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			ps = append(ps, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("SOHOA_TRUSTED_PROXIES (--trusted-proxies): %q is not an address or CIDR prefix", f)
		}
		ps = append(ps, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return ps, nil
}

// Validate checks every setting a serving process needs and names the first one that is wrong.
func (c *Config) Validate() error {
	if err := c.ValidateDatabase(); err != nil {
		return err
	}
	if err := c.ValidateS3(); err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return fmt.Errorf("SOHOA_LISTEN (--listen): %q is not host:port", c.Listen)
	}
	if c.Workers < 0 || c.Workers > 256 {
		return fmt.Errorf("SOHOA_WORKERS (--workers): %d is out of range 0..256", c.Workers)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("SOHOA_LOG_FORMAT (--log-format): %q is neither text nor json", c.LogFormat)
	}
	if _, err := c.Level(); err != nil {
		return err
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return errors.New("SOHOA_TLS_CERT and SOHOA_TLS_KEY (--tls-cert, --tls-key) go together: give both or neither")
	}
	for _, f := range []struct{ name, path string }{{"SOHOA_TLS_CERT (--tls-cert)", c.TLSCert}, {"SOHOA_TLS_KEY (--tls-key)", c.TLSKey}} {
		if f.path != "" {
			if _, err := os.Stat(f.path); err != nil {
				return fmt.Errorf("%s: %s cannot be read", f.name, f.path)
			}
		}
	}
	if _, err := c.Location(); err != nil {
		return err
	}
	if c.Shutdown <= 0 {
		return fmt.Errorf("SOHOA_SHUTDOWN_TIMEOUT (--shutdown-timeout): %s must be positive", c.Shutdown)
	}
	if c.MetricsListen != "" {
		if _, _, err := net.SplitHostPort(c.MetricsListen); err != nil {
			return fmt.Errorf("SOHOA_METRICS_LISTEN (--metrics-listen): %q is not host:port", c.MetricsListen)
		}
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		return errors.New("SOHOA_METRICS_TOKEN (--metrics-token): use at least 16 characters")
	}
	if c.MigrateDatabaseURL != "" {
		if u, err := url.Parse(c.MigrateDatabaseURL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return errors.New("SOHOA_MIGRATE_DATABASE_URL (--migrate-database-url): not a postgres:// URL")
		}
	}
	return nil
}

// ValidateDatabase checks the PostgreSQL URL alone (for commands that need only the database).
func (c *Config) ValidateDatabase() error {
	if c.DatabaseURL == "" {
		return errors.New("SOHOA_DATABASE_URL (--database-url) is not set: give a PostgreSQL URL such as postgres://sohoa@localhost:5432/sohoa")
	}
	u, err := url.Parse(c.DatabaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("SOHOA_DATABASE_URL (--database-url): not a postgres:// URL")
	}
	return nil
}

// ValidateS3 checks the object-store settings.
func (c *Config) ValidateS3() error {
	switch {
	case c.S3.Endpoint == "":
		return errors.New("SOHOA_S3_ENDPOINT (--s3-endpoint) is not set: give the MinIO/S3 endpoint such as localhost:9000")
	case !validEndpoint(c.S3.Endpoint):
		return fmt.Errorf("SOHOA_S3_ENDPOINT (--s3-endpoint): %q must be host:port or http(s)://host:port without a path", c.S3.Endpoint)
	case c.S3.AccessKey == "":
		return errors.New("SOHOA_S3_ACCESS_KEY (--s3-access-key) is not set")
	case c.S3.SecretKey == "":
		return errors.New("SOHOA_S3_SECRET_KEY (--s3-secret-key) is not set")
	case !validBucket(c.S3.Bucket):
		return fmt.Errorf("SOHOA_S3_BUCKET (--s3-bucket): %q is not a valid bucket name (3-63 lowercase letters, digits, dots, hyphens)", c.S3.Bucket)
	}
	return nil
}

// Level parses the log level.
func (c *Config) Level() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return 0, fmt.Errorf("SOHOA_LOG_LEVEL (--log-level): %q is not debug, info, warn or error", c.LogLevel)
	}
	return l, nil
}

// Logger builds the process's structured logger writing to w in the configured format and level.
func (c *Config) Logger(w io.Writer) *slog.Logger {
	level, _ := c.Level()
	opts := &slog.HandlerOptions{Level: level}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func validEndpoint(e string) bool {
	if strings.Contains(e, "://") {
		u, err := url.Parse(e)
		return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && (u.Path == "" || u.Path == "/")
	}
	_, _, err := net.SplitHostPort(e)
	return err == nil || !strings.ContainsAny(e, "/:")
}

func validBucket(b string) bool {
	if len(b) < 3 || len(b) > 63 {
		return false
	}
	for i, r := range b {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || (i > 0 && i < len(b)-1 && (r == '-' || r == '.'))
		if !ok {
			return false
		}
	}
	return true
}

// Location is the time zone named by Timezone.
func (c *Config) Location() (*time.Location, error) {
	name := cmp.Or(c.Timezone, DefaultTimezone) // a Config built in code, not by Load
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("SOHOA_TIMEZONE (--timezone): %q is not a time zone such as %s", c.Timezone, DefaultTimezone)
	}
	return loc, nil
}
