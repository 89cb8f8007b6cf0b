/** The audit trail: who did what, when, from which request. */
package io.paasruntime.core.audit;
