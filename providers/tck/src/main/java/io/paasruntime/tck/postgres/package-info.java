/**
 * Real PostgreSQL servers for tests: {@link io.paasruntime.tck.postgres.SystemPostgres} starts a
 * throwaway one from the machine's packages, for providers that talk to an external database.
 */
package io.paasruntime.tck.postgres;
