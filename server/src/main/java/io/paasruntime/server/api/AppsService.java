package io.paasruntime.server.api;

import io.paasruntime.core.apps.AppView;
import io.paasruntime.core.apps.Apps;
import io.paasruntime.core.support.PageRequest;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.BodyTypes;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Exchange;
import io.paasruntime.server.http.Reply;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** {@code /v1/apps}: list, create, show, rename, soft delete and restore. {@code {id}} is an id or a name. */
public final class AppsService extends ApiService {
    public record CreateAppBody(String name, String region) {
    }

    public record UpdateAppBody(String name) {
    }

    private final Apps apps;

    @Inject
    public AppsService(EndpointPipeline pipeline, Apps apps) {
        super(pipeline);
        this.apps = apps;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v1/apps").id("listApps").tag("apps").summary("List the tenant's apps, or with deleted=true the restorable ones")
                        .query("limit", "integer", "page size, 1-200 (default 50)")
                        .query("cursor", "string", "next_cursor of the previous page")
                        .query("deleted", "boolean", "list soft-deleted apps that can still be restored")
                        .returns(200, BodyTypes.pageOf(AppView.class)).handle(this::list),
                Endpoint.post("/v1/apps").id("createApp").tag("apps").summary("Create an app")
                        .body(CreateAppBody.class).returns(201, AppView.class).handle(this::create),
                Endpoint.get("/v1/apps/{id}").id("getApp").tag("apps").summary("Show an app by id or name")
                        .returns(200, AppView.class).handle(ex -> Reply.ok(apps.get(ex.caller(), ex.pathParam("id")))),
                Endpoint.patch("/v1/apps/{id}").id("updateApp").tag("apps").summary("Rename an app")
                        .body(UpdateAppBody.class).returns(200, AppView.class).handle(this::update),
                Endpoint.delete("/v1/apps/{id}").id("deleteApp").tag("apps")
                        .summary("Soft-delete an app: its processes stop; it can be restored for 30 days")
                        .returns(200, AppView.class)
                        .handle(ex -> Reply.ok(apps.delete(ex.caller(), ex.pathParam("id")))),
                Endpoint.post("/v1/apps/{id}/restore").id("restoreApp").tag("apps")
                        .summary("Undo a soft delete within 30 days")
                        .returns(200, AppView.class)
                        .handle(ex -> Reply.ok(apps.restore(ex.caller(), ex.pathParam("id")))));
    }

    private Reply list(Exchange ex) {
        boolean deleted = ex.flag("deleted");
        PageRequest page = PageRequest.parse(deleted ? "apps-deleted" : "apps", ex.query("limit"), ex.query("cursor"));
        return Reply.ok(apps.list(ex.caller(), deleted, page));
    }

    private Reply create(Exchange ex) {
        CreateAppBody body = ex.body(CreateAppBody.class);
        return Reply.created(apps.create(ex.caller(), body.name(), Optional.ofNullable(body.region())));
    }

    private Reply update(Exchange ex) {
        UpdateAppBody body = ex.body(UpdateAppBody.class);
        return Reply.ok(apps.rename(ex.caller(), ex.pathParam("id"), body.name()));
    }
}
