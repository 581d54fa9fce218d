package org.spack.cachesearch.graphql;

import graphql.GraphQL;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.spack.cachesearch.search.SearchIndex;

/**
 * Builds the executable API: {@code schema.graphqls} (packaged at the jar's root) wired to the
 * fetchers, with depth and cost limits and one index view per request.
 */
public final class SpackApi {
  /** Deeper queries are refused; GraphiQL's introspection query is 13 deep. */
  public static final int MAX_DEPTH = 15;

  /** Costlier queries are refused (see {@link CostCalculator}); 100 specs of 40 fields pass. */
  public static final int MAX_COST = 20_000;

  public static final String SCHEMA_RESOURCE = "/schema.graphqls";

  private SpackApi() {}

  public static GraphQL build(SearchIndex index) {
    return GraphQL.newGraphQL(schema())
        .instrumentation(new RequestLimits(MAX_DEPTH, MAX_COST, new ViewScope(index)))
        .defaultDataFetcherExceptionHandler(new ErrorClassifier())
        .build();
  }

  /** The executable schema: fails when the file and the wiring disagree. */
  public static GraphQLSchema schema() {
    TypeDefinitionRegistry types = new SchemaParser().parse(schemaText());
    return new SchemaGenerator().makeExecutableSchema(types, wiring(new QueryFetchers()));
  }

  /** The schema file as packaged. */
  public static String schemaText() {
    try (InputStream in = SpackApi.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The scalar without the library's description: the schema generator then takes the one {@code
   * schema.graphqls} gives, as for every other type.
   */
  private static GraphQLScalarType describedByTheFile(GraphQLScalarType scalar) {
    return scalar.transform(b -> b.description(null));
  }

  /** Root fields and computed fields only; plain fields read record accessors. */
  private static RuntimeWiring wiring(QueryFetchers f) {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(describedByTheFile(ExtendedScalars.GraphQLLong))
        .scalar(describedByTheFile(ExtendedScalars.DateTime))
        .scalar(describedByTheFile(ExtendedScalars.PositiveInt))
        .type(
            "Query",
            t ->
                t.dataFetcher("package", f::packageByName)
                    .dataFetcher("packages", f::packages)
                    .dataFetcher("spec", f::spec)
                    .dataFetcher("search", f::search)
                    .dataFetcher("facets", f::facets)
                    .dataFetcher("explain", f::explain)
                    .dataFetcher("tags", f::tags)
                    .dataFetcher("stats", f::stats))
        .type(
            "Spec",
            t ->
                t.dataFetcher("package", f::specPackage)
                    .dataFetcher("tags", f::specTags)
                    .dataFetcher("dependencies", f::specDependencies)
                    .dataFetcher("dependents", f::specDependents))
        .type("Dependency", t -> t.dataFetcher("spec", f::dependencySpec))
        .type("Package", t -> t.dataFetcher("specs", f::packageSpecs))
        .build();
  }
}
