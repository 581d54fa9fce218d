package org.spack.cachesearch.metrics;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Counts and times GraphQL requests per root field and outcome ({@code
 * spack_search_graphql_request_duration_seconds}): the outcome is {@code ok} or the {@code
 * extensions.classification} of the field's first error. A root field's time runs from its fetch to
 * the end of its whole selection; a request that fails before any field runs (syntax, validation)
 * counts once under the field {@code none}. Field names come from the schema only, so a client
 * cannot add label values.
 */
public final class GraphQLMetrics extends ForwardingInstrumentation {
  static final String NO_FIELD = "none";
  static final String OK = "ok";

  private static final double NANOS_PER_SECOND = 1e9;

  private final Histogram latency;

  private GraphQLMetrics(Instrumentation delegate, PrometheusRegistry registry) {
    super(delegate);
    this.latency =
        Histogram.builder()
            .name("spack_search_graphql_request_duration_seconds")
            .help("GraphQL requests by root field and outcome (ok or the error classification)")
            .labelNames("field", "outcome")
            .classicOnly()
            .classicUpperBounds(
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .withoutExemplars()
            .register(registry);
  }

  /** {@code graphQL} with its own instrumentation wrapped in one that measures every request. */
  public static GraphQL measure(GraphQL graphQL, PrometheusRegistry registry) {
    GraphQLMetrics metrics = new GraphQLMetrics(graphQL.getInstrumentation(), registry);
    return graphQL.transform(builder -> builder.instrumentation(metrics));
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecution(
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    parameters.getGraphQLContext().put(RootFieldTimes.class, new RootFieldTimes(System.nanoTime()));
    return super.beginExecution(parameters, state);
  }

  /** The operation's root fields, known before any limit may abort it. */
  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    RootFieldTimes times = times(parameters.getExecutionContext().getGraphQLContext());
    if (times != null) {
      for (Field field :
          parameters
              .getExecutionContext()
              .getOperationDefinition()
              .getSelectionSet()
              .getSelectionsOfType(Field.class)) {
        times.selected(field.getResultKey(), field.getName());
      }
    }
    return super.beginExecuteOperation(parameters, state);
  }

  /** A root field starts; trivial fetchers (record accessors) are never root fields here. */
  @Override
  public FieldFetchingInstrumentationContext beginFieldFetching(
      InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
    if (!parameters.isTrivialDataFetcher()) {
      ExecutionStepInfo step = parameters.getEnvironment().getExecutionStepInfo();
      if (step.getPath().getLevel() == 1 && step.getFieldDefinition() != null) {
        RootFieldTimes times = times(parameters.getExecutionContext().getGraphQLContext());
        if (times != null) {
          times.started(
              step.getResultKey(), step.getFieldDefinition().getName(), System.nanoTime());
        }
      }
    }
    return super.beginFieldFetching(parameters, state);
  }

  /** A root field ends when its value, with everything below it, is complete. */
  @Override
  public InstrumentationContext<Object> beginFieldCompletion(
      InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
    InstrumentationContext<Object> inner = super.beginFieldCompletion(parameters, state);
    ResultPath path = parameters.getExecutionStrategyParameters().getPath();
    if (path.getLevel() != 1) {
      return inner;
    }
    RootFieldTimes times = times(parameters.getExecutionContext().getGraphQLContext());
    if (times == null) {
      return inner;
    }
    return new InstrumentationContext<>() {
      @Override
      public void onDispatched() {
        if (inner != null) {
          inner.onDispatched();
        }
      }

      @Override
      public void onCompleted(Object result, Throwable t) {
        times.finished(path.getSegmentName(), System.nanoTime());
        if (inner != null) {
          inner.onCompleted(result, t);
        }
      }
    };
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    long end = System.nanoTime();
    RootFieldTimes times = times(parameters.getGraphQLContext());
    record(times == null ? new RootFieldTimes(end) : times, result.getErrors(), end);
    return super.instrumentExecutionResult(result, parameters, state);
  }

  private void record(RootFieldTimes times, List<GraphQLError> errors, long end) {
    List<RootFieldTimes.Timed> fields = times.timed(end);
    if (fields.isEmpty()) {
      String outcome = errors.isEmpty() ? OK : classification(errors.get(0));
      latency.labelValues(NO_FIELD, outcome).observe(times.elapsed(end) / NANOS_PER_SECOND);
      return;
    }
    for (RootFieldTimes.Timed field : fields) {
      latency
          .labelValues(field.field(), outcome(field.resultKey(), errors))
          .observe(field.nanos() / NANOS_PER_SECOND);
    }
  }

  /** The classification of the field's first error, else of the first error of the request. */
  private static String outcome(String resultKey, List<GraphQLError> errors) {
    GraphQLError requestError = null;
    for (GraphQLError error : errors) {
      List<Object> path = error.getPath();
      if (path == null || path.isEmpty()) {
        requestError = requestError == null ? error : requestError;
      } else if (resultKey.equals(path.get(0))) {
        return classification(error);
      }
    }
    return requestError == null ? OK : classification(requestError);
  }

  /** What the client sees as {@code extensions.classification}. */
  static String classification(GraphQLError error) {
    Object extensions = error.toSpecification().get("extensions");
    Object classification = extensions instanceof Map<?, ?> map ? map.get("classification") : null;
    return classification == null
        ? String.valueOf(error.getErrorType())
        : classification.toString();
  }

  private static RootFieldTimes times(GraphQLContext context) {
    return context.get(RootFieldTimes.class);
  }
}
