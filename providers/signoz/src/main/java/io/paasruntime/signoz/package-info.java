/** The signoz provider. */
package io.paasruntime.signoz;
