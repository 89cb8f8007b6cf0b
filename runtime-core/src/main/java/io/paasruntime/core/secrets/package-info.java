/**
 * Secrets at rest: the runtime's AES-256-GCM key ({@link io.paasruntime.core.secrets.RuntimeKey}), the
 * cipher over it, and the state store decorator that keeps every config var value sealed in the
 * store, whichever store provider runs ({@link io.paasruntime.core.secrets.SealedConfigStore}).
 */
package io.paasruntime.core.secrets;
