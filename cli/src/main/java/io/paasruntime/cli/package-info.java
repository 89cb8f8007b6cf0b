/** The paas command-line interface. */
package io.paasruntime.cli;
