/** Replaying the first answer to a POST retried with the same {@code Idempotency-Key}. */
package io.paasruntime.core.idempotency;
