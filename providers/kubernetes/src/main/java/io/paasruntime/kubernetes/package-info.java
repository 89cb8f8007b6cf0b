/**
 * Orchestration on Kubernetes through the Fabric8 client: each process type of a release becomes a
 * Deployment, {@code web} also gets a Service (and optionally an Ingress), config vars live in a
 * Secret, and release status follows the Deployments' rollouts. Selected with
 * {@code orchestration.provider: kubernetes}; see {@link io.paasruntime.kubernetes.KubernetesOrchestratorFactory}
 * for the settings.
 */
package io.paasruntime.kubernetes;
