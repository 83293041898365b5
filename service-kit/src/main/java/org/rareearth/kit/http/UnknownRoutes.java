package org.rareearth.kit.http;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A path no route serves (no resource, no static file, no /q endpoint) answers a 404 problem,
 * not the HTTP layer's bare page: the last route of the router.
 */
@ApplicationScoped
public class UnknownRoutes {

    private static final int NOT_FOUND = 404;

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ctx.response().setStatusCode(NOT_FOUND)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(Json.encode(Problem.of(NOT_FOUND, "no resource at " + ctx.normalizedPath()))));
    }
}
