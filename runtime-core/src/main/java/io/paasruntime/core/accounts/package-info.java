/** Accounts: signup (a user and their tenant), login and token checks, through the identity provider. */
package io.paasruntime.core.accounts;
