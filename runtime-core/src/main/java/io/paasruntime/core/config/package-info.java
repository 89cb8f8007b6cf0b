/** Config vars: per-app environment, where every change makes a new release. */
package io.paasruntime.core.config;
