/**
 * Releases: deploys, rollbacks and the rollouts that put a release on the orchestrator and follow
 * its status (pending → running → succeeded | failed; superseded when a newer one took over).
 */
package io.paasruntime.core.releases;
