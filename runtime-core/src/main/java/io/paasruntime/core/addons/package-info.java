/**
 * Database add-ons: provisioned through the {@link io.paasruntime.spi.database.DatabaseProvider},
 * attached to an app as a config var (a new release), their credentials sealed before they are stored.
 */
package io.paasruntime.core.addons;
