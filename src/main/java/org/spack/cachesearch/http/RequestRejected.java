package org.spack.cachesearch.http;

import io.undertow.util.StatusCodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to {@code /graphql} that is not a well-formed GraphQL-over-HTTP request, answered with
 * an HTTP status and a GraphQL error whose {@code extensions.classification} names the status.
 */
final class RequestRejected extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String classification;
  private final String allow;

  private RequestRejected(int status, String classification, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.classification = classification;
    this.allow = allow;
  }

  static RequestRejected badRequest(String message) {
    return new RequestRejected(StatusCodes.BAD_REQUEST, "BAD_REQUEST", message, null);
  }

  static RequestRejected unsupportedMediaType(String message) {
    return new RequestRejected(
        StatusCodes.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", message, null);
  }

  static RequestRejected tooLarge(int maxBodyBytes) {
    return new RequestRejected(
        StatusCodes.REQUEST_ENTITY_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "request body is larger than " + maxBodyBytes + " bytes",
        null);
  }

  /** A GET whose operation changes state or streams: only POST may carry it. */
  static RequestRejected postOnly(String message) {
    return new RequestRejected(
        StatusCodes.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", message, "POST");
  }

  int status() {
    return status;
  }

  /** The value of the {@code Allow} header to send, if any. */
  Optional<String> allow() {
    return Optional.ofNullable(allow);
  }

  /** The response body: a GraphQL response with this one error and no {@code data}. */
  Map<String, Object> toSpecification() {
    return errorResponse(getMessage(), classification);
  }

  static Map<String, Object> errorResponse(String message, String classification) {
    return Map.of(
        "errors",
        List.of(
            Map.of("message", message, "extensions", Map.of("classification", classification))));
  }
}
