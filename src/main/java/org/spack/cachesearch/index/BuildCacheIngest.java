package org.spack.cachesearch.index;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spack.cachesearch.ingest.Binary;
import org.spack.cachesearch.ingest.BuildCacheException;
import org.spack.cachesearch.ingest.DatabaseBlob;
import org.spack.cachesearch.ingest.DatabaseReader;
import org.spack.cachesearch.ingest.MirrorReader;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.PageMeta;
import org.spack.cachesearch.ingest.Problem;
import org.spack.cachesearch.ingest.ReadResult;
import org.spack.cachesearch.ingest.Spec;

/**
 * The build-cache indexes of one ingest, a tag at a time: every index of the tag (one per stack
 * with a catalogue) fetched and read, its binaries merged by hash, each binary's {@code stacks}
 * being the stacks whose index holds it (as the page generator computed them), and grouped into one
 * page per package. A tag any of whose indexes fails is left out whole, so that it keeps what the
 * index held before.
 */
final class BuildCacheIngest {
  private final MirrorReader mirrors;

  BuildCacheIngest(MirrorReader mirrors) {
    this.mirrors = mirrors;
  }

  /**
   * What was read: a page per (tag, package), or a failed result per failed tag; and the tags read
   * whole, which the ingest replaces (pages of theirs that the indexes no longer hold go).
   */
  record Read(List<ReadResult> results, Set<String> wholeTags) {}

  Read read(List<IngestRun.BuildCache> caches) {
    Map<String, List<IngestRun.BuildCache>> byTag = new LinkedHashMap<>();
    caches.forEach(c -> byTag.computeIfAbsent(c.tag(), t -> new ArrayList<>()).add(c));
    List<ReadResult> results = new ArrayList<>();
    Set<String> whole = new LinkedHashSet<>();
    byTag.forEach(
        (tag, sources) -> {
          List<ReadResult> tagResults = readTag(tag, sources);
          if (tagResults.stream().noneMatch(r -> r.kind() == ReadResult.Kind.FAILED)) {
            whole.add(tag);
          }
          results.addAll(tagResults);
        });
    return new Read(results, whole);
  }

  private List<ReadResult> readTag(String tag, List<IngestRun.BuildCache> sources) {
    Map<String, Binary> binaries = new LinkedHashMap<>();
    Map<String, Set<String>> stacks = new LinkedHashMap<>();
    List<String> read = new ArrayList<>();
    for (IngestRun.BuildCache source : sources) {
      try {
        DatabaseBlob blob = mirrors.read(source.location());
        read.add(blob.source());
        for (Binary b : DatabaseReader.read(new ByteArrayInputStream(blob.json()), blob.source())) {
          binaries.putIfAbsent(b.spec().hash(), b);
          Set<String> in = stacks.computeIfAbsent(b.spec().hash(), h -> new LinkedHashSet<>());
          if (source.stack() != null) {
            in.add(source.stack());
          }
        }
      } catch (BuildCacheException e) {
        return List.of(failed(tag, e));
      }
    }
    return pages(tag, String.join(" ", read), binaries, stacks);
  }

  private static ReadResult failed(String tag, BuildCacheException e) {
    String message = e.getMessage().substring(e.source().length() + 2);
    return new ReadResult(
        e.source(),
        ReadResult.Kind.FAILED,
        null,
        null,
        List.of(Problem.error(e.source(), 0, message + "; tag " + tag + " keeps what it had")));
  }

  private static List<ReadResult> pages(
      String tag, String path, Map<String, Binary> binaries, Map<String, Set<String>> stacks) {
    Map<String, List<Spec>> byPackage = new TreeMap<>();
    binaries.forEach(
        (hash, b) ->
            byPackage
                .computeIfAbsent(b.name(), n -> new ArrayList<>())
                .add(b.spec().withStacks(List.copyOf(stacks.get(hash)))));
    List<ReadResult> results = new ArrayList<>();
    byPackage.forEach(
        (name, specs) -> {
          Page page = new Page(path, name, tag, PageMeta.EMPTY, specs);
          results.add(
              new ReadResult(path, ReadResult.Kind.PAGE, page, new PageKey(tag, name), List.of()));
        });
    return results;
  }
}
