/**
 * Database add-ons on a real PostgreSQL server: one role and one database per add-on, created
 * through an admin connection to the operator's server ({@code databases.admin-url}) or, by default,
 * to the runtime's embedded PostgreSQL.
 */
package io.paasruntime.postgres;
