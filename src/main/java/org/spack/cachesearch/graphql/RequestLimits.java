package org.spack.cachesearch.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.spack.cachesearch.search.SearchException;

/**
 * Every limit of {@link ApiLimits} and the per-request index view as one instrumentation that acts
 * only before execution (graphql-java's ChainedInstrumentation calls every member for every field
 * fetched, which measured about 15% of a 100-spec request; this one has no per-field work). A
 * request over a limit is aborted before the step the limit protects, with a {@code LIMIT} error.
 */
final class RequestLimits extends SimplePerformantInstrumentation {
  private final ParseLimits parse;
  private final DocumentLimits document;
  private final MaxQueryDepthInstrumentation depth;
  private final MaxQueryComplexityInstrumentation cost;
  private final ViewScope views;

  RequestLimits(ApiLimits limits, CostCalculator costs, ViewScope views) {
    this.parse = new ParseLimits(limits);
    this.document = new DocumentLimits(limits);
    this.depth =
        new MaxQueryDepthInstrumentation(limits.maxDepth()) {
          @Override
          protected AbortExecutionException mkAbortException(int found, int max) {
            return abort("query is " + found + " fields deep; the limit is " + max);
          }
        };
    this.cost =
        new MaxQueryComplexityInstrumentation(limits.maxCost(), costs) {
          @Override
          protected AbortExecutionException mkAbortException(int found, int max) {
            return abort("query costs " + found + "; the limit is " + max);
          }
        };
    this.views = views;
  }

  private static AbortExecutionException abort(String message) {
    return abort(List.of(ErrorClassifier.requestError(SearchException.Kind.LIMIT, message)));
  }

  private static AbortExecutionException abort(List<GraphQLError> errors) {
    return new AbortExecutionException(errors);
  }

  @Override
  public CompletableFuture<InstrumentationState> createStateAsync(
      InstrumentationCreateStateParameters parameters) {
    return cost.createStateAsync(parameters); // the only member with state
  }

  /** The parser reads its limits from the request's context. */
  @Override
  public ExecutionInput instrumentExecutionInput(
      ExecutionInput input,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    input.getGraphQLContext().put(ParserOptions.class, parse.options());
    return input;
  }

  /** A parse cancelled over a limit is a {@code LIMIT} error, not a syntax error. */
  @Override
  public InstrumentationContext<Document> beginParse(
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    return SimpleInstrumentationContext.whenCompleted(
        (doc, error) -> {
          if (error instanceof InvalidSyntaxException syntax) {
            parse
                .cancelled(syntax, parameters.getQuery())
                .ifPresent(
                    message -> {
                      throw abort(message);
                    });
          }
        });
  }

  /** The document's own limits come first: validation is what they protect. */
  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    List<GraphQLError> refused = document.check(parameters.getDocument());
    if (!refused.isEmpty()) {
      throw abort(refused);
    }
    return cost.beginValidation(parameters, state);
  }

  /** Depth first, then cost, as they were chained: each throws when its limit is exceeded. */
  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    depth.beginExecuteOperation(parameters, null);
    return cost.beginExecuteOperation(parameters, state);
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecution(
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    return views.beginExecution(parameters, state);
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    return views.instrumentExecutionResult(result, parameters, state);
  }
}
