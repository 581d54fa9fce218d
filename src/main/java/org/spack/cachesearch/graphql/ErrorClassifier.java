package org.spack.cachesearch.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.spack.cachesearch.search.SearchException;

/**
 * Turns what a fetcher threw into a GraphQL error: a user's mistake keeps its message and gets its
 * stable {@code extensions.classification} ({@link SearchException.Kind}); anything else is logged
 * once and reported as {@code INTERNAL} without internals.
 */
final class ErrorClassifier implements DataFetcherExceptionHandler {
  private static final Logger LOG = Logger.getLogger(ErrorClassifier.class.getName());
  static final String INTERNAL = "INTERNAL";

  /**
   * An error of the whole request, before any field ran (no path, no location), with its stable
   * classification.
   */
  static GraphQLError requestError(SearchException.Kind kind, String message) {
    return GraphqlErrorBuilder.newError()
        .message(message)
        .locations(null)
        .errorType(ErrorClassification.errorClassification(kind.name()))
        .extensions(Map.of("classification", kind.name()))
        .build();
  }

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters params) {
    Throwable e = params.getException();
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    GraphqlErrorBuilder<?> error =
        GraphqlErrorBuilder.newError().path(params.getPath()).location(params.getSourceLocation());
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (e instanceof SearchException s) {
      extensions.put("classification", s.kind().name());
      if (s.column() > 0) {
        extensions.put("column", s.column());
      }
      error
          .message(s.getMessage())
          .errorType(ErrorClassification.errorClassification(s.kind().name()));
    } else {
      LOG.log(Level.SEVERE, "internal error at " + params.getPath(), e);
      extensions.put("classification", INTERNAL);
      error.message("internal error").errorType(ErrorClassification.errorClassification(INTERNAL));
    }
    GraphQLError built = error.extensions(extensions).build();
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult().error(built).build());
  }
}
