package io.paasruntime.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasruntime.core.config.ConfigVars;
import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.BodyTypes;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Exchange;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/apps/{id}/config}: config vars as a flat object; PATCH with {@code null} unsets a key. */
public final class ConfigService extends ApiService {
    private final ConfigVars configVars;

    @Inject
    public ConfigService(EndpointPipeline pipeline, ConfigVars configVars) {
        super(pipeline);
        this.configVars = configVars;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v1/apps/{id}/config").id("getConfig").tag("config").summary("The app's config vars")
                        .returns(200, BodyTypes.mapOf(String.class, String.class))
                        .handle(ex -> Reply.ok(configVars.get(ex.caller(), ex.pathParam("id")))),
                Endpoint.patch("/v1/apps/{id}/config").id("updateConfig").tag("config")
                        .summary("Set config vars (null unsets); a change makes a new release")
                        .body(BodyTypes.mapOf(String.class, String.class))
                        .returns(200, BodyTypes.mapOf(String.class, String.class)).handle(this::patch));
    }

    private Reply patch(Exchange ex) {
        JsonNode body = ex.bodyObject();
        Map<String, String> changes = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        body.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                changes.put(field.getKey(), null);
            } else if (value.isTextual()) {
                changes.put(field.getKey(), value.textValue());
            } else {
                problems.add(new FieldProblem(field.getKey(), "must be a string, or null to unset"));
            }
        });
        if (!problems.isEmpty()) {
            // the string values' names and values are checked too, so one answer names every offending field
            List<FieldProblem> all = new ArrayList<>(ConfigVars.problems(changes));
            all.addAll(problems);
            throw new ValidationFailed(all);
        }
        return Reply.ok(configVars.patch(ex.caller(), ex.pathParam("id"), changes));
    }
}
