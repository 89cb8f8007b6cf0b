/** The kubernetes provider. */
package io.paasruntime.kubernetes;
