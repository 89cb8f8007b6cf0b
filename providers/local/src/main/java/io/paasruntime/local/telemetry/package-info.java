/**
 * The embedded {@code local} telemetry: what local app processes write and what the runtime says
 * about them, kept on this machine.
 */
package io.paasruntime.local.telemetry;
