package org.spack.cachesearch.graphql;

import graphql.GraphQL;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirective;
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
import java.util.List;
import org.spack.cachesearch.search.SearchIndex;

/**
 * Builds the executable API: {@code schema.graphqls} (packaged at the jar's root) wired to the
 * fetchers, with the request limits of {@link ApiLimits} and one index view per request.
 */
public final class SpackApi {
  public static final String SCHEMA_RESOURCE = "/schema.graphqls";

  private SpackApi() {}

  /** The API over {@code index} with the default {@link ApiLimits}. */
  public static GraphQL build(SearchIndex index) {
    return build(index, ApiLimits.DEFAULT);
  }

  /** The API over {@code index}, each request held to {@code limits} and the index's own. */
  public static GraphQL build(SearchIndex index, ApiLimits limits) {
    return build(index, limits, schema());
  }

  /**
   * The API over {@code index} with a {@code schema} from {@link #schema()}, which needs no index:
   * a caller may build it while the index opens.
   */
  public static GraphQL build(SearchIndex index, ApiLimits limits, GraphQLSchema schema) {
    CostCalculator costs =
        new CostCalculator(index.limits().maxFirst(), index.limits().maxFacetValues());
    return GraphQL.newGraphQL(schema)
        .instrumentation(new RequestLimits(limits, costs, new ViewScope(index)))
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

  /**
   * Introspection lists the directives this API implements, those of {@code schema.graphqls} and
   * the spec: graphql-java adds others to every schema ({@link
   * DocumentLimits#UNSUPPORTED_DIRECTIVES}), and its own fetcher for {@code __Schema.directives} is
   * used only when none is registered.
   */
  private static GraphQLCodeRegistry.Builder servedDirectivesOnly() {
    DataFetcher<List<GraphQLDirective>> directives =
        env ->
            env.<GraphQLSchema>getSource().getDirectives().stream()
                .filter(d -> !DocumentLimits.UNSUPPORTED_DIRECTIVES.contains(d.getName()))
                .toList();
    return GraphQLCodeRegistry.newCodeRegistry()
        .dataFetcher(FieldCoordinates.coordinates("__Schema", "directives"), directives);
  }

  /** Root fields and computed fields only; plain fields read record accessors. */
  private static RuntimeWiring wiring(QueryFetchers f) {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(describedByTheFile(ExtendedScalars.GraphQLLong))
        .scalar(describedByTheFile(ExtendedScalars.DateTime))
        .codeRegistry(servedDirectivesOnly())
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
                    .dataFetcher("microarchitectures", f::microarchitectures)
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
