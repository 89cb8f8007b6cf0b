/**
 * Orchestration: running an app's release as processes. The embedded default {@code local} runs
 * real OS processes on this machine from uploaded {@code .tar.gz} artifacts; {@code kubernetes}
 * runs container images as Deployments.
 */
package io.paasruntime.spi.orchestration;
