package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func good() map[string]string {
	return map[string]string{
		"SOHOA_DATABASE_URL":  "postgres://root@127.0.0.1:5432/sohoa",
		"SOHOA_S3_ENDPOINT":   "127.0.0.1:9000",
		"SOHOA_S3_ACCESS_KEY": "minio",
		"SOHOA_S3_SECRET_KEY": "minio123",
	}
}

func load(t *testing.T, m map[string]string, args ...string) (*Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c, err := Load(fs, env(m))
	if err != nil {
		return nil, err
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return c, c.Validate()
}

func TestValidateNamesTheSetting(t *testing.T) {
	tests := []struct {
		name    string
		change  map[string]string
		args    []string
		wantErr string // the setting the message must name; "" means valid
	}{
		{name: "all good", wantErr: ""},
		{name: "missing database", change: map[string]string{"SOHOA_DATABASE_URL": ""}, wantErr: "SOHOA_DATABASE_URL"},
		{name: "database not a URL", change: map[string]string{"SOHOA_DATABASE_URL": "mysql://x"}, wantErr: "SOHOA_DATABASE_URL"},
		{name: "missing endpoint", change: map[string]string{"SOHOA_S3_ENDPOINT": ""}, wantErr: "SOHOA_S3_ENDPOINT"},
		{name: "endpoint with path", change: map[string]string{"SOHOA_S3_ENDPOINT": "http://h:9000/x"}, wantErr: "SOHOA_S3_ENDPOINT"},
		{name: "missing access key", change: map[string]string{"SOHOA_S3_ACCESS_KEY": ""}, wantErr: "SOHOA_S3_ACCESS_KEY"},
		{name: "missing secret", change: map[string]string{"SOHOA_S3_SECRET_KEY": ""}, wantErr: "SOHOA_S3_SECRET_KEY"},
		{name: "bad bucket", change: map[string]string{"SOHOA_S3_BUCKET": "Sổ"}, wantErr: "SOHOA_S3_BUCKET"},
		{name: "bad listen", change: map[string]string{"SOHOA_LISTEN": "8080"}, wantErr: "SOHOA_LISTEN"},
		{name: "bad workers env", change: map[string]string{"SOHOA_WORKERS": "two"}, wantErr: "SOHOA_WORKERS"},
		{name: "workers flag out of range", args: []string{"--workers", "-1"}, wantErr: "SOHOA_WORKERS"},
		{name: "bad log format", change: map[string]string{"SOHOA_LOG_FORMAT": "xml"}, wantErr: "SOHOA_LOG_FORMAT"},
		{name: "bad log level", args: []string{"--log-level", "loud"}, wantErr: "SOHOA_LOG_LEVEL"},
		{name: "bad shutdown", change: map[string]string{"SOHOA_SHUTDOWN_TIMEOUT": "soon"}, wantErr: "SOHOA_SHUTDOWN_TIMEOUT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := good()
			for k, v := range tc.change {
				m[k] = v
			}
			_, err := load(t, m, tc.args...)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("got no error, want one naming %s", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("got %q, want it to name %s", err, tc.wantErr)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Fatalf("got a multi-line message %q, want one line", err)
			}
		})
	}
}

func TestFlagOverridesEnv(t *testing.T) {
	c, err := load(t, good(), "--listen", "0.0.0.0:9999", "--s3-endpoint", "https://s3.example.org")
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "0.0.0.0:9999" {
		t.Errorf("got listen %q, want the flag's 0.0.0.0:9999", c.Listen)
	}
	if c.S3.Host() != "s3.example.org" || !c.S3.Secure() {
		t.Errorf("got host %q secure %v, want s3.example.org over https", c.S3.Host(), c.S3.Secure())
	}
	if c.S3.Bucket != DefaultBucket {
		t.Errorf("got bucket %q, want default %q", c.S3.Bucket, DefaultBucket)
	}
}

func TestTrustedProxiesAndMetricsSettings(t *testing.T) {
	env := map[string]string{"SOHOA_TRUSTED_PROXIES": "10.0.0.1, 192.168.1.0/24,::1", "SOHOA_METRICS_LISTEN": "127.0.0.1:9090"}
	c, err := Load(flag.NewFlagSet("t", flag.ContinueOnError), func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.TrustedProxies {
		got = append(got, p.String())
	}
	if want := "10.0.0.1/32 192.168.1.0/24 ::1/128"; strings.Join(got, " ") != want || c.MetricsListen != "127.0.0.1:9090" {
		t.Errorf("got %q, %q; want %q and 127.0.0.1:9090", strings.Join(got, " "), c.MetricsListen, want)
	}
	env["SOHOA_TRUSTED_PROXIES"] = "10.0.0.1, not-an-address"
	if _, err := Load(flag.NewFlagSet("t", flag.ContinueOnError), func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "SOHOA_TRUSTED_PROXIES") {
		t.Errorf("a bad proxy: got %v, want an error naming SOHOA_TRUSTED_PROXIES", err)
	}
}
