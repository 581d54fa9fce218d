package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFinderTest {
  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void aTreeGivesSpecsFilesAndMarkdownThatSaysLayoutCache() throws IOException {
    Path specs = write("_cache/develop/a/specs.md", "---\ntitle: \"a\"\n---");
    Path index = write("_cache/zlib/index.md", "---\ntitle: \"zlib\"\nlayout: cache\n---\n");
    Path quoted = write("site/quoted.md", "---\nlayout: \"cache\"\n---\n");
    write("README.md", "# Pages\n\nlayout: cache\n");
    write("site/post.md", "---\nlayout: post\n---\n");
    write("site/body.md", "---\ntitle: \"x\"\n---\nlayout: cache\n");
    write("_cache/develop/a/notes.txt", "---\nlayout: cache\n---\n");
    assertEquals(List.of(specs, index, quoted), PageFinder.find(List.of(dir)));
  }

  @Test
  void aFileGivenDirectlyIsTakenWhateverItsName() throws IOException {
    Path notes = write("notes.txt", "no front matter");
    assertEquals(List.of(notes), PageFinder.find(List.of(notes)));
  }

  @Test
  void aPageReachedTwiceIsListedOnce() throws IOException {
    Path specs = write("_cache/develop/a/specs.md", "---\ntitle: \"a\"\n---");
    assertEquals(
        List.of(specs), PageFinder.find(List.of(dir, specs, dir.resolve("_cache/../_cache"))));
  }

  @Test
  void markdownWithAByteOrderMarkThatSaysLayoutCacheIsAPage() throws IOException {
    Path page = write("site/bom.md", "\uFEFF---\nlayout: cache\n---\n");
    assertEquals(List.of(page), PageFinder.find(List.of(dir)));
  }

  @Test
  void markdownWhoseFirstLineIsHugeIsNotAPage() throws IOException {
    write("site/huge.md", "-".repeat(1_000_000) + "\nlayout: cache\n---\n");
    assertEquals(List.of(), PageFinder.find(List.of(dir)));
  }
}
