package org.spack.cachesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;

/** Asks a running server's /graphql one query at a time and returns its data (picking the mix). */
final class GraphQLClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI graphql;
  private final Transport transport;

  GraphQLClient(URI graphql, Transport transport) {
    this.graphql = graphql;
    this.transport = transport;
  }

  /** The {@code data} of a query that must succeed, else an exception. */
  JsonNode data(String query) throws IOException, InterruptedException {
    Transport.Response r = transport.send(LoadCall.post(graphql, query, query));
    String problem = AnswerCheck.problem(r, true);
    if (problem != null) {
      throw new IOException(query + ": " + problem);
    }
    return JSON.readTree(r.body()).get("data");
  }
}
