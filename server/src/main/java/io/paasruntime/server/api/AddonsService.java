package io.paasruntime.server.api;

import io.paasruntime.core.PaasRuntime;
import io.paasruntime.core.addons.AddonView;
import io.paasruntime.core.addons.Addons;
import io.paasruntime.core.support.Inputs;
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

/**
 * {@code /v1/addons} and {@code /v1/apps/{id}/addons}: PostgreSQL databases attached to apps. The
 * database URL is only ever shown in the app's config vars, never here.
 */
public final class AddonsService extends ApiService {
    /** {@code app} is the app's id or name. */
    public record CreateDatabaseBody(String app, String plan, String name) {
    }

    private final Addons addons;

    @Inject
    public AddonsService(EndpointPipeline pipeline, PaasRuntime runtime) {
        super(pipeline);
        this.addons = runtime.addons();
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/v1/addons/database").id("createDatabaseAddon").tag("addons")
                        .summary("Provision a PostgreSQL database and attach it to an app as DATABASE_URL"
                                + " (or <NAME>_DATABASE_URL); makes a new release")
                        .body(CreateDatabaseBody.class).mayFailWith(404).returns(201, AddonView.class)
                        .handle(this::create),
                Endpoint.get("/v1/apps/{id}/addons").id("listAddons").tag("addons")
                        .summary("The add-ons attached to an app, oldest first")
                        .query("limit", "integer", "page size, 1-200 (default 50)")
                        .query("cursor", "string", "next_cursor of the previous page")
                        .returns(200, BodyTypes.pageOf(AddonView.class))
                        .handle(ex -> Reply.ok(addons.list(ex.caller(), ex.pathParam("id"),
                                PageRequest.parse("addons", ex.query("limit"), ex.query("cursor"))))),
                Endpoint.get("/v1/addons/{id}").id("getAddon").tag("addons").summary("Show an add-on")
                        .returns(200, AddonView.class)
                        .handle(ex -> Reply.ok(addons.get(ex.caller(), ex.pathParam("id")))),
                Endpoint.delete("/v1/addons/{id}").id("deleteAddon").tag("addons")
                        .summary("Deprovision an add-on: its database is dropped and its config var unset (new release)")
                        .returns(200, AddonView.class)
                        .handle(ex -> Reply.ok(addons.delete(ex.caller(), ex.pathParam("id")))));
    }

    private Reply create(Exchange ex) {
        CreateDatabaseBody body = ex.body(CreateDatabaseBody.class);
        new Inputs().require(body.app() != null && !body.app().isBlank(), "app", "is required (an app id or name)").check();
        return Reply.created(addons.create(ex.caller(), body.app(), Optional.ofNullable(body.plan()),
                Optional.ofNullable(body.name())));
    }
}
