/** Rolling-window rate limits per token and per source address. */
package io.paasruntime.core.ratelimit;
