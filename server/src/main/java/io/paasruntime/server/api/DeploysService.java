package io.paasruntime.server.api;

import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.releases.DeployRequest;
import io.paasruntime.core.releases.Deploys;
import io.paasruntime.core.releases.ReleaseView;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.BodyTypes;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Exchange;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/apps/{id}/deploys}: releases. A deploy is either a {@code .tar.gz} body (streamed to
 * the orchestrator, never buffered whole) or a JSON image reference with process commands.
 */
public final class DeploysService extends ApiService {
    /** Media types taken as an artifact upload. */
    public static final Set<String> ARTIFACT_TYPES = Set.of("application/gzip", "application/x-gzip",
            "application/octet-stream");

    public record ImageDeployBody(String image, Map<String, ProcessBody> processes, String description) {
    }

    public record ProcessBody(String command) {
    }

    private final Deploys deploys;

    @Inject
    public DeploysService(EndpointPipeline pipeline, Deploys deploys) {
        super(pipeline);
        this.deploys = deploys;
    }

    @Override
    public List<Endpoint> endpoints() {
        Endpoint.Builder deploy = Endpoint.post("/v1/apps/{id}/deploys").id("deploy").tag("deploys")
                .summary("Deploy a .tar.gz artifact with a Procfile, or a container image, as a new release")
                .query("description", "string", "release description, for artifact uploads")
                .body(ImageDeployBody.class)
                .returns(201, ReleaseView.class);
        ARTIFACT_TYPES.stream().sorted().forEach(deploy::rawBody);
        return List.of(
                Endpoint.get("/v1/apps/{id}/deploys").id("listDeploys").tag("deploys")
                        .summary("List an app's releases, newest first")
                        .query("limit", "integer", "page size, 1-200 (default 50)")
                        .query("cursor", "string", "next_cursor of the previous page")
                        .returns(200, BodyTypes.pageOf(ReleaseView.class)).handle(this::list),
                deploy.handle(this::deploy),
                Endpoint.get("/v1/apps/{id}/deploys/{rid}").id("getDeploy").tag("deploys")
                        .summary("Show one release by id, version number or vN")
                        .returns(200, ReleaseView.class)
                        .handle(ex -> Reply.ok(deploys.get(ex.caller(), ex.pathParam("id"), ex.pathParam("rid")))),
                Endpoint.post("/v1/apps/{id}/deploys/{rid}/rollback").id("rollback").tag("deploys")
                        .summary("Roll back: a new release copying that release's source and config")
                        .returns(201, ReleaseView.class)
                        .handle(ex -> Reply.created(deploys.rollback(ex.caller(), ex.pathParam("id"), ex.pathParam("rid")))));
    }

    private Reply list(Exchange ex) {
        PageRequest page = PageRequest.parse("releases", ex.query("limit"), ex.query("cursor"));
        return Reply.ok(deploys.list(ex.caller(), ex.pathParam("id"), page));
    }

    private Reply deploy(Exchange ex) {
        DeployRequest request;
        if (ARTIFACT_TYPES.contains(ex.contentType())) {
            request = new DeployRequest.Artifact(ex.bodyStream(deploys.maxArtifactBytes()), ex.query("description"));
        } else {
            refuseArtifactSentAsJson(ex);
            ImageDeployBody body = ex.body(ImageDeployBody.class);
            Map<String, String> processes = new LinkedHashMap<>();
            if (body.processes() != null) {
                body.processes().forEach((type, process) -> processes.put(type, process == null ? null : process.command()));
            }
            request = new DeployRequest.Image(body.image(), processes, Optional.ofNullable(body.description()));
        }
        return Reply.created(deploys.deploy(ex.caller(), ex.pathParam("id"), request));
    }

    /**
     * A .tar.gz sent without its media type (curl's --data-binary says form data) would be read as
     * JSON and refused as "not valid JSON": say what the client most likely meant instead.
     */
    private static void refuseArtifactSentAsJson(Exchange ex) {
        boolean declaredJson = ex.contentType().equals("application/json");
        boolean tooBigForJson = ex.declaredLength().orElse(0) > Exchange.MAX_JSON_BYTES;
        byte[] start = declaredJson || tooBigForJson ? new byte[0] : ex.bodyBytes();
        boolean gzip = start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
        if (gzip || (tooBigForJson && !declaredJson)) {
            throw ValidationFailed.of("Content-Type", "a .tar.gz artifact must be sent with Content-Type: application/gzip"
                    + (ex.contentType().isEmpty() ? "" : " (this request says " + ex.contentType() + ")")
                    + "; JSON bodies are for image deploys");
        }
    }
}
