// Package devsvc starts a private PostgreSQL cluster and MinIO server as child processes, with
// their data in one local folder and on free loopback ports. `sohoa up` uses it when no database
// or object store is configured, and the tests use it for the services they must stop and start.
package devsvc
