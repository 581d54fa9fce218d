package org.spack.cachesearch.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a GraphQL-over-HTTP request, read from a JSON body or a GET query string and
 * checked for shape; the document itself is left for graphql-java to parse and validate.
 *
 * @param operationName null when absent or empty
 * @param variables empty when absent; values as Jackson reads JSON (maps, lists, numbers, ...)
 */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {
  /** Deepest nesting of arrays and objects a request may have (Jackson's default). */
  static final int MAX_NESTING = 1000;

  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  GraphQLRequest {
    Objects.requireNonNull(query, "query");
    operationName = operationName == null || operationName.isEmpty() ? null : operationName;
    // Not Map.copyOf: a variable may be JSON null.
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** Reads a POST body: a JSON object with {@code query} and optional parameters. */
  static GraphQLRequest fromJson(byte[] body) throws RequestRejected {
    JsonNode request = readJson(body, "request body");
    if (!request.isObject()) {
      throw RequestRejected.badRequest("request body must be a JSON object");
    }
    JsonNode query = request.path("query");
    if (query.isMissingNode() || query.isNull()) {
      throw RequestRejected.badRequest("query is required");
    }
    if (!query.isTextual()) {
      throw RequestRejected.badRequest("query must be a string");
    }
    JsonNode operationName = request.path("operationName");
    if (!isAbsent(operationName) && !operationName.isTextual()) {
      throw RequestRejected.badRequest("operationName must be a string");
    }
    objectOrAbsent(request.path("extensions"), "extensions");
    return new GraphQLRequest(
        query.asText(),
        isAbsent(operationName) ? null : operationName.asText(),
        objectOrAbsent(request.path("variables"), "variables"));
  }

  /** Reads GET parameters: {@code query}, {@code operationName}, JSON-encoded {@code variables}. */
  static GraphQLRequest fromQueryParameters(Map<String, Deque<String>> parameters)
      throws RequestRejected {
    String query = single(parameters, "query");
    if (query == null) {
      throw RequestRejected.badRequest("query is required");
    }
    jsonParameter(single(parameters, "extensions"), "extensions");
    return new GraphQLRequest(
        query,
        single(parameters, "operationName"),
        jsonParameter(single(parameters, "variables"), "variables"));
  }

  /**
   * The type of the operation this request selects; empty when the document does not parse or names
   * no single operation, so that execution reports why.
   */
  Optional<OperationDefinition.Operation> operation() {
    List<OperationDefinition> operations;
    try {
      operations = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class);
    } catch (InvalidSyntaxException e) {
      return Optional.empty();
    }
    List<OperationDefinition> selected =
        operations.stream()
            .filter(op -> operationName == null || operationName.equals(op.getName()))
            .toList();
    return selected.size() == 1 ? Optional.of(selected.get(0).getOperation()) : Optional.empty();
  }

  ExecutionInput toExecutionInput() {
    return ExecutionInput.newExecutionInput()
        .query(query)
        .operationName(operationName)
        .variables(variables)
        .build();
  }

  private static JsonNode readJson(byte[] json, String what) throws RequestRejected {
    try {
      return JSON.readTree(json);
    } catch (StreamConstraintsException e) {
      // Jackson gives no location and names its own internals; say which limit it was.
      throw RequestRejected.badRequest(
          e.getOriginalMessage().startsWith("Document nesting depth")
              ? what
                  + " nests JSON deeper than "
                  + MAX_NESTING
                  + " levels; the limit is "
                  + MAX_NESTING
              : what + " holds a JSON value longer than the parser allows");
    } catch (JsonProcessingException e) {
      // Jackson reads bytes as UTF-8 itself and says so when they are not.
      String problem =
          e.getOriginalMessage().startsWith("Invalid UTF-8")
              ? " is not valid UTF-8"
              : " is not valid JSON";
      JsonLocation at = e.getLocation();
      throw RequestRejected.badRequest(
          at == null
              ? what + problem
              : what + problem + " at line " + at.getLineNr() + ", column " + at.getColumnNr());
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from memory", e);
    }
  }

  private static boolean isAbsent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  private static Map<String, Object> objectOrAbsent(JsonNode node, String name)
      throws RequestRejected {
    if (isAbsent(node)) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw RequestRejected.badRequest(name + " must be an object");
    }
    return JSON.convertValue(node, MAP);
  }

  /** A JSON-encoded object parameter; absent when missing or empty. */
  private static Map<String, Object> jsonParameter(String value, String name)
      throws RequestRejected {
    if (value == null || value.isEmpty()) {
      return Map.of();
    }
    return objectOrAbsent(readJson(value.getBytes(StandardCharsets.UTF_8), name), name);
  }

  private static String single(Map<String, Deque<String>> parameters, String name)
      throws RequestRejected {
    Deque<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw RequestRejected.badRequest(name + " is given more than once");
    }
    return values.getFirst();
  }
}
