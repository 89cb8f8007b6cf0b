/**
 * Contract tests for {@link io.paasruntime.spi.database.DatabaseProvider}s whose URLs are
 * {@code postgres://} URLs: what every database add-on provider must do.
 */
package io.paasruntime.tck.database;
