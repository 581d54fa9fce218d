package org.spack.cachesearch.http;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small schema to serve in tests: a greeting, a field that fails, a field that waits for the test
 * to release it, a mutation, and a scalar Jackson cannot write (for the internal-error path).
 */
final class TestSchema {
  static final String SDL =
      """
      type Query {
        hello(name: String): String
        fail: String
        wait: String
        opaque: Opaque
      }
      type Mutation {
        noop: Boolean
      }
      scalar Opaque
      """;

  /** Counted down when a {@code wait} fetch has started. */
  final CountDownLatch waiting = new CountDownLatch(1);

  /** Counted down by the test to let {@code wait} return. */
  final CountDownLatch release = new CountDownLatch(1);

  GraphQL graphQL() {
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(opaque())
            .type(
                "Query",
                type ->
                    type.dataFetcher(
                            "hello", env -> "Hello, " + env.getArgumentOrDefault("name", "world"))
                        .dataFetcher(
                            "fail",
                            env -> {
                              throw new IllegalStateException("boom");
                            })
                        .dataFetcher("wait", env -> awaitRelease())
                        .dataFetcher("opaque", env -> "anything"))
            .type("Mutation", type -> type.dataFetcher("noop", env -> true))
            .build();
    return GraphQL.newGraphQL(
            new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring))
        .build();
  }

  private String awaitRelease() throws InterruptedException {
    waiting.countDown();
    if (!release.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("never released");
    }
    return "released";
  }

  /** Serializes to a bare {@link Object}, which Jackson refuses to write. */
  private static GraphQLScalarType opaque() {
    return GraphQLScalarType.newScalar()
        .name("Opaque")
        .coercing(
            new Coercing<Object, Object>() {
              @Override
              public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return new Object();
              }

              @Override
              public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input;
              }

              @Override
              public Object parseLiteral(
                  Value<?> input,
                  CoercedVariables variables,
                  GraphQLContext context,
                  Locale locale) {
                return input;
              }
            })
        .build();
  }
}
