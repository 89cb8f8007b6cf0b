/** The postgres provider. */
package io.paasruntime.postgres;
