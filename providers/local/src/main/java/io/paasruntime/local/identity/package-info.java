/**
 * The embedded identity provider ({@code local}): Argon2id password hashes and RS256 signing keys in
 * the state store, tokens signed and verified in process.
 */
package io.paasruntime.local.identity;
