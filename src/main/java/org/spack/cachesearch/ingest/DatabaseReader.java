package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a build cache's index, Spack's database JSON ({@code build_cache/index.json} or the index
 * blob of layout v3), into its binaries. The JSON is streamed one record at a time: only the
 * reduced {@link DatabaseNode}s are kept until the edges between them are resolved.
 */
public final class DatabaseReader {
  static final int OLDEST = 6;
  static final int NEWEST = 9;
  private static final String RANGE = " this build reads (" + OLDEST + " to " + NEWEST + ")";
  private static final Pattern SOURCE_IN_LOCATION = Pattern.compile("\\[Source: [^;]*; ");
  private static final Pattern VERSION = Pattern.compile("([0-9]+)((\\.[0-9]+)+)?");

  // The caller owns the stream: the parser must not close it.
  private static final ObjectMapper JSON =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

  private final String source;
  private final DatabaseNodeReader records;
  private final Map<String, DatabaseNode> nodes = new LinkedHashMap<>();
  private String version;
  private boolean installs;
  private BuildCacheException firstBadRecord;

  private DatabaseReader(String source) {
    this.source = source;
    this.records = new DatabaseNodeReader(source);
  }

  /**
   * The binaries of one database JSON (database versions 6, 7, 8, 9), each with its direct
   * dependencies and closure; {@code source} names the file or URL in errors.
   */
  public static List<Binary> read(InputStream json, String source) throws BuildCacheException {
    DatabaseReader reader = new DatabaseReader(source);
    try (JsonParser parser = JSON.createParser(json)) {
      reader.readDocument(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      // Jackson names the unnamed stream "Source: REDACTED (...)" in nested locations; drop it.
      String why = SOURCE_IN_LOCATION.matcher(e.getOriginalMessage()).replaceAll("[");
      throw new BuildCacheException(source, "not JSON" + where + ": " + why, e);
    } catch (IOException e) {
      throw new BuildCacheException(source, "cannot read: " + e.getMessage(), e);
    }
    return BinaryLinker.link(reader.nodes);
  }

  private void readDocument(JsonParser parser) throws IOException, BuildCacheException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw error("empty, not a database JSON");
    }
    boolean database = false;
    if (first == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if (parser.nextToken() == JsonToken.START_OBJECT && field.equals("database")) {
          readDatabase(parser);
          database = true;
        } else {
          parser.skipChildren();
        }
      }
    }
    if (!database) {
      throw error("not a Spack database: no \"database\" object at the top level");
    }
    checkVersion();
    if (!installs) {
      throw error("the database has no \"installs\"");
    }
    if (firstBadRecord != null) {
      throw firstBadRecord;
    }
  }

  private void readDatabase(JsonParser parser) throws IOException, BuildCacheException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("version") && value.isScalarValue()) {
        version = parser.getText();
        checkVersion();
      } else if (field.equals("installs") && value == JsonToken.START_OBJECT) {
        readInstalls(parser);
        installs = true;
      } else {
        parser.skipChildren();
      }
    }
  }

  /**
   * Reads each record as a small tree. When {@code version} comes after {@code installs} (as in
   * older indexes), a bad record is kept aside so that an unknown version is what is reported.
   */
  private void readInstalls(JsonParser parser) throws IOException, BuildCacheException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      JsonNode record = parser.readValueAsTree();
      try {
        nodes.put(key, records.read(key, record));
      } catch (BuildCacheException e) {
        if (version != null) {
          throw e;
        }
        if (firstBadRecord == null) {
          firstBadRecord = e;
        }
      }
    }
  }

  /** Integer versions from 6 to 9; {@code 0.9.x} and 5 are older, larger integers newer. */
  private void checkVersion() throws BuildCacheException {
    if (version == null) {
      throw error("the database has no \"version\"");
    }
    Matcher number = VERSION.matcher(version);
    if (!number.matches()) {
      throw error("database version \"" + version + "\" is not one" + RANGE);
    }
    BigInteger major = new BigInteger(number.group(1));
    boolean dotted = number.group(2) != null;
    if (!dotted && major.compareTo(BigInteger.valueOf(NEWEST)) > 0) {
      throw error("database version " + version + " is newer than" + RANGE);
    }
    if (major.compareTo(BigInteger.valueOf(OLDEST)) < 0) {
      throw error("database version " + version + " is older than" + RANGE);
    }
    if (dotted) {
      throw error("database version \"" + version + "\" is not one" + RANGE);
    }
  }

  private BuildCacheException error(String message) {
    return new BuildCacheException(source, message);
  }
}
