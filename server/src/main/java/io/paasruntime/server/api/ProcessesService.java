package io.paasruntime.server.api;

import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.processes.Processes;
import io.paasruntime.core.processes.ProcessesView;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Exchange;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** {@code /v1/apps/{id}/processes} and {@code /restart}: what runs, scaling, rolling restarts. */
public final class ProcessesService extends ApiService {
    public record ScaleBody(Integer replicas, String size) {
    }

    /** The optional body of a restart: {@code {"type":"web"}} says the same as {@code ?type=web}. */
    public record RestartBody(String type) {
    }

    private final Processes processes;

    @Inject
    public ProcessesService(EndpointPipeline pipeline, Processes processes) {
        super(pipeline);
        this.processes = processes;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v1/apps/{id}/processes").id("listProcesses").tag("processes")
                        .summary("Process types of the current release and their instances")
                        .returns(200, ProcessesView.class)
                        .handle(ex -> Reply.ok(processes.list(ex.caller(), ex.pathParam("id")))),
                Endpoint.patch("/v1/apps/{id}/processes/{type}").id("scaleProcess").tag("processes")
                        .summary("Scale one process type (replicas 0-20, size)")
                        .body(ScaleBody.class).returns(200, ProcessesView.TypeView.class).handle(this::scale),
                Endpoint.post("/v1/apps/{id}/restart").id("restart").tag("processes")
                        .summary("Rolling restart of all process types, or of ?type= only")
                        .query("type", "string", "restart only this process type")
                        .optionalBody(RestartBody.class)
                        .returns(202, ProcessesView.class).handle(this::restart));
    }

    private Reply restart(Exchange ex) {
        Optional<String> inQuery = ex.query("type");
        Optional<String> inBody = ex.<RestartBody>optionalBody(RestartBody.class).map(RestartBody::type);
        if (inQuery.isPresent() && inBody.isPresent() && !inQuery.equals(inBody)) {
            throw ValidationFailed.of("type", "the query says '" + inQuery.get() + "' but the body says '"
                    + inBody.get() + "': send one");
        }
        return Reply.accepted(processes.restart(ex.caller(), ex.pathParam("id"), inQuery.or(() -> inBody)));
    }

    private Reply scale(Exchange ex) {
        ScaleBody body = ex.body(ScaleBody.class);
        return Reply.ok(processes.scale(ex.caller(), ex.pathParam("id"), ex.pathParam("type"),
                Optional.ofNullable(body.replicas()), Optional.ofNullable(body.size())));
    }
}
