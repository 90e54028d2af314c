// Package faults holds the fault-injection suite (build tag "faults", run by
// scripts/test-faults.sh): the real `sohoa serve`, two `sohoa worker` processes, PostgreSQL and
// MinIO as separate processes, stations uploading and clerks confirming while servers and workers
// are killed, the object store is stopped, the database restarted and the upload disk filled;
// then it checks that nothing accepted was lost or duplicated.
package faults
