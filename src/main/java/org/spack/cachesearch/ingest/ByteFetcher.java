package org.spack.cachesearch.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the bytes at a location, a local path or an http(s) URL, under one size limit. */
final class ByteFetcher {
  private static final Pattern OTHER_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

  private final HttpFetcher http;

  ByteFetcher(HttpFetcher http) {
    this.http = http;
  }

  long limit() {
    return http.maxBytes();
  }

  /** True for an http or https URL; anything else is a local path. */
  static boolean isUrl(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** A {@code file:} URL as a local path; a path or http(s) URL as it is; other URLs refused. */
  static String normalize(String location) throws BuildCacheException {
    if (!location.toLowerCase(Locale.ROOT).startsWith("file:")) {
      if (OTHER_URL.matcher(location).lookingAt() && !isUrl(location)) {
        throw new BuildCacheException(location, "unsupported URL scheme (http, https or file)");
      }
      return location;
    }
    try {
      return Path.of(new URI(location)).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new BuildCacheException(location, "not a valid file URL: " + e.getMessage(), e);
    }
  }

  /** The location of {@code relative} (slash-separated) under a mirror root. */
  static String join(String root, String relative) {
    if (isUrl(root)) {
      return (root.endsWith("/") ? root : root + "/") + relative;
    }
    return Path.of(root).resolve(relative).toString();
  }

  byte[] read(String location) throws BuildCacheException {
    return isUrl(location) ? http.fetch(location) : readFile(location);
  }

  /** The bytes, or empty when there is no such file (HTTP 404 or 403). */
  Optional<byte[]> readIfPresent(String location) throws BuildCacheException {
    if (isUrl(location)) {
      return http.fetchIfFound(location);
    }
    return Files.isRegularFile(path(location)) ? Optional.of(readFile(location)) : Optional.empty();
  }

  private byte[] readFile(String file) throws BuildCacheException {
    Path path = path(file);
    try {
      if (Files.size(path) > limit()) {
        throw new BuildCacheException(
            file, "file is larger than the limit of " + limit() + " bytes");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new BuildCacheException(file, "no such file", e);
    } catch (IOException e) {
      throw new BuildCacheException(file, "cannot read: " + e, e);
    }
  }

  static Path path(String file) throws BuildCacheException {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new BuildCacheException(file, "not a valid path: " + e.getReason(), e);
    }
  }
}
