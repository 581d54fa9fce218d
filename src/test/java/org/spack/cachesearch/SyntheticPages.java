package org.spack.cachesearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many real-shaped pages made from the seed page: page {@code i} is py-filelock renamed to {@code
 * synthetic-i}, every hash given a unique tail, so that an ingest has work to do.
 */
public final class SyntheticPages {
  private static final Pattern HASH = Pattern.compile("\"hash\": \"([a-z2-7]{32})\"");
  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

  private SyntheticPages() {}

  /** Writes {@code count} pages of 124 specs under {@code root/_cache/<tag>/}. */
  public static void write(Path root, String tag, int count) throws IOException {
    String seed =
        Files.readString(
            Corpus.cacheTree().resolve("_cache/develop/py-filelock/specs.md"),
            StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      String name = "synthetic-" + i;
      String tail = base32(i);
      Matcher m =
          HASH.matcher(
              seed.replace("\"py-filelock\"", "\"" + name + "\"")
                  .replace("[package, develop]", "[package, " + tag + "]"));
      String page = m.replaceAll(r -> "\"hash\": \"" + r.group(1).substring(0, 25) + tail + "\"");
      Path file = root.resolve("_cache").resolve(tag).resolve(name).resolve("specs.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, page, StandardCharsets.UTF_8);
    }
  }

  private static String base32(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      s.append(BASE32.charAt(n & 31));
      n >>>= 5;
    }
    return s.toString();
  }
}
