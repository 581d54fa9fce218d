package org.spack.cachesearch.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.DataFetchingEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.SearchIndex;

/**
 * One index generation per GraphQL request: the first fetcher that needs the index acquires a view,
 * every other fetcher of the request reuses it, and it is released when the request ends. A request
 * that fails validation never touches the index. A request whose searches ran out of time gets
 * {@code "partial": true} in the response's {@code extensions}.
 */
final class ViewScope extends SimplePerformantInstrumentation {
  private static final Logger LOG = Logger.getLogger(ViewScope.class.getName());

  /** The {@code extensions} key that flags a partial answer, and the one that says why. */
  static final String PARTIAL = "partial";

  static final String PARTIAL_REASON = "partialReason";

  private final SearchIndex index;

  ViewScope(SearchIndex index) {
    this.index = index;
  }

  /** The lazily acquired view of one request. */
  static final class Holder {
    private final SearchIndex index;
    private IndexView view;
    private boolean partial;

    Holder(SearchIndex index) {
      this.index = index;
    }

    synchronized IndexView view() {
      if (view == null) {
        try {
          view = index.acquire();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return view;
    }

    synchronized void release() {
      if (view != null) {
        partial |= view.partial();
        try {
          view.close();
        } catch (IOException e) {
          LOG.log(Level.WARNING, "releasing an index view failed", e);
        }
        view = null;
      }
    }

    /** Whether a search of the released view stopped at the time limit. */
    synchronized boolean partial() {
      return partial;
    }
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecution(
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    Holder holder = new Holder(index);
    parameters.getGraphQLContext().put(Holder.class, holder);
    return SimpleInstrumentationContext.whenCompleted((result, error) -> holder.release());
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    Holder holder = parameters.getGraphQLContext().get(Holder.class);
    if (holder == null || !holder.partial()) {
      return CompletableFuture.completedFuture(result);
    }
    return CompletableFuture.completedFuture(
        result.transform(
            b ->
                b.addExtension(PARTIAL, true)
                    .addExtension(
                        PARTIAL_REASON,
                        "searching stopped at the time limit of "
                            + index.limits().timeout().toMillis()
                            + " ms: counts and pages may be missing matches; narrow the query")));
  }

  /** The request's view, for a fetcher. */
  static IndexView of(DataFetchingEnvironment env) {
    GraphQLContext context = env.getGraphQlContext();
    Holder holder = context.get(Holder.class);
    if (holder == null) {
      throw new IllegalStateException("no index view: GraphQL was built without ViewScope");
    }
    return holder.view();
  }
}
