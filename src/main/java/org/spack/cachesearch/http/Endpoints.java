package org.spack.cachesearch.http;

import graphql.GraphQL;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;

/** The routing table of {@link ApiServer}: every path it answers, on one screen. */
final class Endpoints {
  private Endpoints() {}

  static Routes routes(
      ServerConfig config, GraphQL graphQL, HealthChecks health, PrometheusRegistry metrics) {
    CorsHandler cors = new CorsHandler(config.corsOrigins());
    HttpHandler graphql =
        cors.wrap(
            new LoadLimit(config.limits(), new GraphQLHandler(graphQL, config.maxBodyBytes())));
    Routes routes =
        new Routes()
            .get("/", WebPage.page())
            .get("/app/*", new WebPage())
            .get("/graphql", graphql)
            .post("/graphql", graphql)
            .get("/graphiql", GraphiQLAssets.page())
            .get("/webjars/*", new GraphiQLAssets())
            .get("/health", HealthHandler.report(health))
            .get("/health/live", HealthHandler.live())
            .get("/health/ready", HealthHandler.ready(health))
            .get("/metrics", new MetricsEndpoint(metrics));
    if (cors.enabled()) {
      routes.options("/graphql", cors.preflight());
    }
    return routes;
  }
}
