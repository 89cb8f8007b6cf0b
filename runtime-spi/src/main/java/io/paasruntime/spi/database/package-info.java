/**
 * Database add-ons: PostgreSQL databases provisioned for apps, each with its own role.
 */
package io.paasruntime.spi.database;
