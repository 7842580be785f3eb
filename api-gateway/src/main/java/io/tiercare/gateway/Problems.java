package io.tiercare.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own answers as RFC 9457 problems, shaped as the services' are. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext ctx, int status, String type, String title, String detail, String correlationId) {
        send(ctx, status, new JsonObject().put("type", "urn:tiercare:problem:" + type).put("title", title)
                .put("status", status).put("detail", detail).put("instance", ctx.request().path())
                .put("correlationId", correlationId));
    }

    /** 400 naming the field, as the services name theirs. */
    static void invalid(RoutingContext ctx, String field, String message, String correlationId) {
        send(ctx, 400, new JsonObject().put("type", "urn:tiercare:problem:validation").put("title", "Invalid request")
                .put("status", 400).put("detail", field + " " + message).put("instance", ctx.request().path())
                .put("correlationId", correlationId)
                .put("violations", new JsonArray().add(new JsonObject().put("field", field).put("message", message))));
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.request().resume();
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }
}
