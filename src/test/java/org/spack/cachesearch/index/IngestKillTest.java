package org.spack.cachesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.SyntheticPages;

/**
 * Ingests in a child JVM killed with SIGKILL at 20 random moments of their run: after each kill the
 * index opens at its last commit with that commit's exact document count, whole, and searchable.
 * The moments are seeded; the seed is printed, and {@code -DingestKill.seed=N} repeats a run.
 */
class IngestKillTest {
  private static final int KILLS = 20;

  /** A bound on rounds, as a child that finishes before its kill time is run again. */
  private static final int MAX_ROUNDS = 40;

  /** Pages of 124 specs per child ingest. */
  private static final int PAGES = 30;

  private static final long FIRST_KILL_MILLIS = 50;

  /** The kill time of the first round, which is left to finish. */
  private static final long NO_KILL = 120_000;

  @TempDir Path tmp;

  /**
   * One child ingest: a tag of its own, so that the index shows whether its commit happened.
   *
   * @param specs how many specs its pages hold, counted from the files
   * @param knownHash the hash of one of them
   */
  private record Round(String tag, Path pages, int specs, String knownHash) {}

  /** The base and every round so far, and which rounds the last commit holds. */
  private static final class Expected {
    final List<RawSpec> base;
    final List<Round> rounds = new ArrayList<>();
    final List<Round> committed = new ArrayList<>();

    Expected(List<RawSpec> base) {
      this.base = base;
    }

    long count() {
      return base.size() + committed.stream().mapToLong(Round::specs).sum();
    }
  }

  @Test
  @Timeout(300) // 21+ child JVMs: about 30 s on 2 idle cores, but the cores are often shared
  void anIngestKilledAtTwentyRandomMomentsReopensEachTimeAtItsLastCommit() throws Exception {
    long seed = Long.getLong("ingestKill.seed", System.nanoTime());
    System.out.printf(
        Locale.ROOT, "IngestKillTest: seed %d (repeat: -DingestKill.seed=%d)%n", seed, seed);
    long started = System.nanoTime();
    Path index = tmp.resolve("index");
    new IngestRun(IngestRun.Options.of(List.of(Corpus.cacheTree()), index), IngestProgress.NONE)
        .run();
    Expected expected = new Expected(Corpus.rawSpecs(Corpus.cacheTree()));
    assertAtLastCommit(index, expected, "the base");
    ChildIngest child = new ChildIngest(index, tmp);
    ChildIngest.Outcome first = round(child, index, expected, 0, NO_KILL, "seed " + seed);
    assertEquals(0, first.exitCode(), "an ingest left to finish\n" + first.log());

    long whole = first.millis();
    List<Double> points = points(new Random(seed));
    int kills = 0;
    for (int k = 1; kills < KILLS && k <= MAX_ROUNDS; k++) {
      long delay = FIRST_KILL_MILLIS + Math.round(points.get(kills) * (whole - FIRST_KILL_MILLIS));
      ChildIngest.Outcome o = round(child, index, expected, k, delay, "seed " + seed);
      if (o.exitCode() == ChildIngest.KILLED) {
        kills++;
      } else {
        whole = Math.min(whole, o.millis()); // the same point again, in a shorter run
      }
    }
    System.out.printf(
        Locale.ROOT,
        "IngestKillTest: %d kills (%d rounds, %d commits); %.1f s%n",
        kills,
        expected.rounds.size() - 1,
        expected.committed.size() - 1,
        (System.nanoTime() - started) / 1e9);
  }

  /**
   * Runs round {@code k}'s child ingest and kills it after {@code delay} ms if it still runs; the
   * index must then hold what it held before, or that plus the whole round if the child committed.
   */
  private ChildIngest.Outcome round(
      ChildIngest child, Path index, Expected expected, int k, long delay, String seed)
      throws Exception {
    Round r = pages(k);
    ChildIngest.Outcome o = child.run(r.pages(), r.tag(), delay);
    String context = seed + ", " + r.tag() + " with a kill at " + delay + " ms";
    assertTrue(
        o.exitCode() == 0 || o.exitCode() == ChildIngest.KILLED,
        context + ": exit code " + o.exitCode() + "\n" + o.log());
    long before = expected.count();
    long after;
    try (DirectoryReader reader = SpecIndex.open(index)) {
      after = reader.numDocs();
    }
    expected.rounds.add(r);
    if (o.exitCode() == 0 || after == before + r.specs()) {
      expected.committed.add(r);
    }
    System.out.printf(
        Locale.ROOT,
        "  %-8s %-16s %s after %5d ms, %,d specs%n",
        r.tag(),
        delay == NO_KILL ? "no kill:" : "kill at " + delay + " ms:",
        o.exitCode() == 0 ? "finished" : "killed  ",
        o.millis(),
        after);
    assertAtLastCommit(index, expected, context);
    return o;
  }

  /** Writes round {@code k}'s pages and counts their specs from the files. */
  private Round pages(int k) throws IOException {
    String tag = "kill-" + k;
    Path root = tmp.resolve("pages");
    SyntheticPages.write(root, tag, PAGES);
    Path pages = root.resolve("_cache").resolve(tag);
    List<RawSpec> specs = Corpus.rawSpecs(pages);
    return new Round(tag, pages, specs.size(), specs.get(specs.size() / 2).hash());
  }

  /**
   * The index opens with exactly the base and the committed rounds, each round's tag whole or
   * absent, and a search finds a known spec of the base and of each committed round.
   */
  private static void assertAtLastCommit(Path index, Expected expected, String context)
      throws IOException {
    try (DirectoryReader reader = SpecIndex.open(index)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(expected.count(), reader.numDocs(), context + ": documents");
      RawSpec known = expected.base.get(expected.base.size() / 2);
      long copies = expected.base.stream().filter(s -> s.id().equals(known.id())).count();
      assertEquals(copies, searcher.count(spec(known.tag(), known.hash())), context + ": " + known);
      for (Round r : expected.rounds) {
        boolean in = expected.committed.contains(r);
        assertEquals(in ? r.specs() : 0, searcher.count(term("tag", r.tag())), context + ": " + r);
        assertEquals(in ? 1 : 0, searcher.count(spec(r.tag(), r.knownHash())), context + ": " + r);
      }
    }
  }

  private static Query spec(String tag, String hash) {
    return new BooleanQuery.Builder()
        .add(term("tag", tag), BooleanClause.Occur.FILTER)
        .add(term("hash", hash), BooleanClause.Occur.FILTER)
        .build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  /** Twenty moments as fractions of a whole run: one at random in each twentieth, shuffled. */
  private static List<Double> points(Random random) {
    List<Double> points = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      points.add((i + random.nextDouble()) / KILLS);
    }
    Collections.shuffle(points, random);
    return points;
  }
}
