/**
 * The state store: where tenants, users, apps, releases, formations, config vars, add-ons, audit
 * events, idempotency keys and signing keys live. One provider ({@code jdbc}) backs it with
 * PostgreSQL, embedded or external. Repositories speak plain records; every tenant-owned lookup
 * takes the tenant id so that no query can cross tenants.
 */
package io.paasruntime.spi.store;
