/** Process types and instances of an app: listing, scaling and rolling restarts. */
package io.paasruntime.core.processes;
