/** The core's typed errors; the server maps each to one API error code and HTTP status. */
package io.paasruntime.core.errors;
