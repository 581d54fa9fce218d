package org.spack.cachesearch.metrics;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An instrumentation that hands every call, with its state, to another one; subclasses add their
 * own work to the calls they override. Unlike graphql-java's ChainedInstrumentation it costs
 * nothing per field beyond the call itself (see RequestLimits in the graphql package).
 */
abstract class ForwardingInstrumentation implements Instrumentation {
  private final Instrumentation delegate;

  ForwardingInstrumentation(Instrumentation delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<InstrumentationState> createStateAsync(
      InstrumentationCreateStateParameters parameters) {
    return delegate.createStateAsync(parameters);
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecution(
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    return delegate.beginExecution(parameters, state);
  }

  @Override
  public InstrumentationContext<Document> beginParse(
      InstrumentationExecutionParameters parameters, InstrumentationState state) {
    return delegate.beginParse(parameters, state);
  }

  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    return delegate.beginValidation(parameters, state);
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    return delegate.beginExecuteOperation(parameters, state);
  }

  @Override
  public InstrumentationContext<Void> beginReactiveResults(
      InstrumentationReactiveResultsParameters parameters, InstrumentationState state) {
    return delegate.beginReactiveResults(parameters, state);
  }

  @Override
  public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
      InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
    return delegate.beginExecutionStrategy(parameters, state);
  }

  @Override
  public ExecuteObjectInstrumentationContext beginExecuteObject(
      InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
    return delegate.beginExecuteObject(parameters, state);
  }

  @Override
  public InstrumentationContext<Object> beginDeferredField(
      InstrumentationFieldParameters parameters, InstrumentationState state) {
    return delegate.beginDeferredField(parameters, state);
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(
      InstrumentationFieldParameters parameters, InstrumentationState state) {
    return delegate.beginSubscribedFieldEvent(parameters, state);
  }

  @Override
  public InstrumentationContext<Object> beginFieldExecution(
      InstrumentationFieldParameters parameters, InstrumentationState state) {
    return delegate.beginFieldExecution(parameters, state);
  }

  @Override
  public FieldFetchingInstrumentationContext beginFieldFetching(
      InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
    return delegate.beginFieldFetching(parameters, state);
  }

  @Override
  public InstrumentationContext<Object> beginFieldCompletion(
      InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
    return delegate.beginFieldCompletion(parameters, state);
  }

  @Override
  public InstrumentationContext<Object> beginFieldListCompletion(
      InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
    return delegate.beginFieldListCompletion(parameters, state);
  }

  @Override
  public ExecutionInput instrumentExecutionInput(
      ExecutionInput executionInput,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    return delegate.instrumentExecutionInput(executionInput, parameters, state);
  }

  @Override
  public DocumentAndVariables instrumentDocumentAndVariables(
      DocumentAndVariables documentAndVariables,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    return delegate.instrumentDocumentAndVariables(documentAndVariables, parameters, state);
  }

  @Override
  public GraphQLSchema instrumentSchema(
      GraphQLSchema schema,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    return delegate.instrumentSchema(schema, parameters, state);
  }

  @Override
  public ExecutionContext instrumentExecutionContext(
      ExecutionContext executionContext,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    return delegate.instrumentExecutionContext(executionContext, parameters, state);
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> dataFetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    return delegate.instrumentDataFetcher(dataFetcher, parameters, state);
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult executionResult,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    return delegate.instrumentExecutionResult(executionResult, parameters, state);
  }
}
