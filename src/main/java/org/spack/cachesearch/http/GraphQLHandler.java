package org.spack.cachesearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.OperationDefinition;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves {@code /graphql} as the GraphQL-over-HTTP spec asks: negotiates the response type, reads
 * the request from a GET query string or a JSON POST body, executes it on a worker thread (never an
 * IO thread) and writes the result with the status code the chosen type calls for.
 */
final class GraphQLHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(GraphQLHandler.class.getName());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GraphQL graphQL;
  private final int maxBodyBytes;

  GraphQLHandler(GraphQL graphQL, int maxBodyBytes) {
    this.graphQL = graphQL;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Where a request comes from: the query string or the body, checked when read. */
  private interface Source {
    GraphQLRequest read() throws RequestRejected;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    HeaderValues accept = exchange.getRequestHeaders().get(Headers.ACCEPT);
    Optional<ResponseType> type = ResponseType.negotiate(accept == null ? List.of() : accept);
    if (type.isEmpty()) {
      PlainText.send(
          exchange,
          StatusCodes.NOT_ACCEPTABLE,
          "Accept must allow application/graphql-response+json or application/json");
    } else if (exchange.getRequestMethod().equals(Methods.GET)) {
      exchange.dispatch(worker -> execute(worker, type.get(), () -> readGet(worker)));
    } else {
      receivePost(exchange, type.get());
    }
  }

  private static GraphQLRequest readGet(HttpServerExchange exchange) throws RequestRejected {
    GraphQLRequest request = GraphQLRequest.fromQueryParameters(exchange.getQueryParameters());
    Optional<OperationDefinition.Operation> operation = request.operation();
    if (operation.isPresent() && operation.get() != OperationDefinition.Operation.QUERY) {
      String name = operation.get().name().toLowerCase(Locale.ROOT);
      throw RequestRejected.postOnly("a " + name + " cannot be sent with GET; use POST");
    }
    return request;
  }

  /** Reads the body on the IO thread without blocking it, then executes on a worker. */
  private void receivePost(HttpServerExchange exchange, ResponseType type) {
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (!isJsonUtf8(contentType)) {
      reject(
          exchange,
          type,
          RequestRejected.unsupportedMediaType("Content-Type must be application/json"));
      return;
    }
    if (exchange.getRequestContentLength() > maxBodyBytes) {
      // Declared too large: answer before reading a byte (with Expect: 100-continue the client
      // then never sends the body), and close rather than drain what may follow.
      exchange.setPersistent(false);
      reject(exchange, type, RequestRejected.tooLarge(maxBodyBytes));
      return;
    }
    Receiver receiver = exchange.getRequestReceiver();
    receiver.setMaxBufferSize(maxBodyBytes);
    receiver.receiveFullBytes(
        (received, body) ->
            received.dispatch(worker -> execute(worker, type, () -> GraphQLRequest.fromJson(body))),
        (failed, error) -> receiveFailed(failed, type, error));
  }

  private static boolean isJsonUtf8(String contentType) {
    Optional<MediaType> mediaType =
        contentType == null ? Optional.empty() : MediaType.parse(contentType);
    if (mediaType.isEmpty() || !mediaType.get().is("application/json")) {
      return false;
    }
    String charset = mediaType.get().parameters().get("charset");
    return charset == null || charset.equalsIgnoreCase("utf-8");
  }

  private void receiveFailed(HttpServerExchange exchange, ResponseType type, IOException error) {
    if (error instanceof Receiver.RequestToLargeException) {
      // The rest of the body is not read: close the connection rather than drain it.
      exchange.setPersistent(false);
      reject(exchange, type, RequestRejected.tooLarge(maxBodyBytes));
    } else {
      LOG.log(Level.FINE, "reading a request body failed", error);
      exchange.setPersistent(false);
      exchange.endExchange();
    }
  }

  private void execute(HttpServerExchange exchange, ResponseType type, Source source) {
    try {
      ExecutionResult result = graphQL.execute(source.read().toExecutionInput());
      send(exchange, type, type.status(result), result.toSpecification());
    } catch (RequestRejected e) {
      reject(exchange, type, e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "GraphQL request failed", e);
      send(
          exchange,
          type,
          StatusCodes.INTERNAL_SERVER_ERROR,
          RequestRejected.errorResponse("internal error", "INTERNAL"));
    }
  }

  private static void reject(HttpServerExchange exchange, ResponseType type, RequestRejected e) {
    e.allow().ifPresent(allow -> exchange.getResponseHeaders().put(Headers.ALLOW, allow));
    send(exchange, type, e.status(), e.toSpecification());
  }

  /** Serializes first, so that a result Jackson cannot write fails before anything is sent. */
  private static void send(
      HttpServerExchange exchange, ResponseType type, int status, Map<String, Object> response) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(response);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type.contentType());
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
