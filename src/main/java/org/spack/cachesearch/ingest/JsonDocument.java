package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses a small JSON document (a manifest, the catalogue) into a tree, or says where it breaks.
 */
final class JsonDocument {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonDocument() {}

  static JsonNode read(String source, byte[] bytes) throws BuildCacheException {
    try {
      JsonNode tree = JSON.readTree(bytes);
      if (tree == null || tree.isMissingNode()) {
        throw new BuildCacheException(source, "empty, not JSON");
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BuildCacheException(source, "not valid JSON" + where, e);
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from memory", e);
    }
  }

  /** A required string member of an object. */
  static String text(String source, JsonNode object, String name, String where)
      throws BuildCacheException {
    JsonNode value = object.path(name);
    if (!value.isTextual()) {
      throw new BuildCacheException(source, where + ": \"" + name + "\" is not a string");
    }
    return value.asText();
  }
}
