package org.spack.cachesearch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Judges an answer of the load: status 200 and, for GraphQL, an object with {@code data} and no
 * {@code errors}. Reads only the answer's top level, skipping the rest token by token.
 */
final class AnswerCheck {
  private static final JsonFactory JSON = new JsonFactory();

  private AnswerCheck() {}

  /** Null for a good answer, else what was wrong in a line. */
  static String problem(Transport.Response r, boolean graphql) {
    if (r.status() != 200) {
      return "status " + r.status() + ": " + text(r.body(), 200);
    }
    return graphql ? graphqlProblem(r.body()) : null;
  }

  private static String graphqlProblem(byte[] body) {
    boolean data = false;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "not a JSON object: " + text(body, 200);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("errors")) {
          return "errors: " + text(body, 300);
        }
        data |= name.equals("data") && value == JsonToken.START_OBJECT;
        p.skipChildren();
      }
    } catch (IOException e) {
      return "unreadable JSON: " + e.getMessage();
    }
    return data ? null : "no data: " + text(body, 200);
  }

  static String text(byte[] body, int max) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
