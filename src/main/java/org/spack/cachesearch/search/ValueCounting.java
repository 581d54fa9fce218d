package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues.MultiSortedSetDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts the values of several facet dimensions in the one pass that finds the matches: no bitset
 * of the matches is built and walked again per dimension (as {@code FacetsCollector} and {@code
 * SortedSetDocValuesFacetCounts} do), each match reads its ordinal in every dimension at once.
 * Counts are kept per segment ordinal and mapped to the dimension's global ordinals once per
 * segment.
 */
final class ValueCounting implements CollectorManager<ValueCounting.Counts, ValueCounting.Tally> {
  private final List<SortedSetDocValuesReaderState> states;
  private final OrdinalArrays arrays;

  ValueCounting(List<SortedSetDocValuesReaderState> states, OrdinalArrays arrays) {
    this.states = List.copyOf(states);
    this.arrays = arrays;
  }

  /**
   * The number of matches and, per dimension (in the order asked), the matches' count of each
   * global ordinal with the facet state that labels them; both null for a dimension that no
   * document has.
   */
  record Tally(int hits, SortedSetDocValuesReaderState[] states, int[][] counts) {
    /** Dimension {@code d}'s values with a count, by count then value. */
    List<ValueCount> values(int d) {
      if (states[d] == null) {
        return List.of();
      }
      try {
        return labelled(states[d].getDocValues(), counts[d]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The matches of {@code query}, counted in every one of {@code dims}, in one pass. */
  static Tally count(IndexView view, Query query, List<String> dims) {
    List<SortedSetDocValuesReaderState> present = new ArrayList<>();
    int[] at = new int[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      Optional<SortedSetDocValuesReaderState> state = view.cache().state(dims.get(d));
      at[d] = state.isPresent() ? present.size() : -1;
      state.ifPresent(present::add);
    }
    Tally found =
        view.run(
            () -> view.searcher().search(query, new ValueCounting(present, view.ordinalArrays())));
    SortedSetDocValuesReaderState[] states = new SortedSetDocValuesReaderState[dims.size()];
    int[][] counts = new int[dims.size()][];
    for (int d = 0; d < dims.size(); d++) {
      if (at[d] >= 0) {
        states[d] = found.states()[at[d]];
        counts[d] = found.counts()[at[d]];
      }
    }
    return new Tally(found.hits(), states, counts);
  }

  /**
   * The number of matches of {@code query} and every value of each of {@code dims} among them (in
   * the order of {@code dims}, each by count then value), from one pass over the matches.
   */
  static Counted valuesOf(IndexView view, Query query, List<String> dims) {
    Tally tally = count(view, query, dims);
    List<List<ValueCount>> values = new ArrayList<>(dims.size());
    for (int d = 0; d < dims.size(); d++) {
      values.add(tally.values(d));
    }
    return new Counted(tally.hits(), values);
  }

  /** How many documents matched, and per dimension their values with counts. */
  record Counted(int hits, List<List<ValueCount>> values) {
    Counted {
      values = List.copyOf(values);
    }
  }

  /** Every value with a count, by count then value. */
  private static List<ValueCount> labelled(SortedSetDocValues labels, int[] counts)
      throws IOException {
    List<ValueCount> values = new ArrayList<>();
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        values.add(new ValueCount(label(labels, ord), counts[ord]));
      }
    }
    values.sort(ValueCount.BY_COUNT);
    return List.copyOf(values);
  }

  /** The value of a facet ordinal: its term is the dimension and the value, as a path. */
  static String label(SortedSetDocValues labels, int ord) throws IOException {
    String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
    return path[path.length - 1];
  }

  @Override
  public Counts newCollector() throws IOException {
    return new Counts(states, arrays);
  }

  @Override
  public Tally reduce(Collection<Counts> collectors) {
    int hits = 0;
    int[][] total = new int[states.size()][];
    for (int d = 0; d < total.length; d++) {
      total[d] = new int[states.get(d).getSize()];
    }
    for (Counts c : collectors) {
      hits += c.hits;
      for (int d = 0; d < total.length; d++) {
        for (int ord = 0; ord < total[d].length; ord++) {
          total[d][ord] += c.global[d][ord];
        }
      }
    }
    return new Tally(hits, states.toArray(new SortedSetDocValuesReaderState[0]), total);
  }

  /** One searcher slice's counts. */
  static final class Counts implements Collector {
    private final List<SortedSetDocValuesReaderState> states;
    private final OrdinalArrays arrays;
    private final OrdinalMap[] maps;
    private final int[][] global;
    private int hits;

    Counts(List<SortedSetDocValuesReaderState> states, OrdinalArrays arrays) throws IOException {
      this.states = states;
      this.arrays = arrays;
      this.maps = new OrdinalMap[states.size()];
      this.global = new int[states.size()][];
      for (int d = 0; d < global.length; d++) {
        global[d] = new int[states.get(d).getSize()];
        // Several segments share the state's ordinal map; one segment's ordinals are global.
        if (states.get(d).getDocValues() instanceof MultiSortedSetDocValues multi) {
          maps[d] = multi.mapping;
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      return new Segment(context);
    }

    /**
     * Counts in one segment's ordinals, mapped to global ones when the segment is done: read from
     * {@link OrdinalArrays} where the dimension has them (counted at ordinal + 1, [0] for none),
     * else from the doc values.
     */
    private final class Segment implements LeafCollector {
      private final int leaf;
      private final OrdinalArrays.Ordinals[] read;
      private final SortedDocValues[] single;
      private final SortedSetDocValues[] multi;
      private final int[][] counts;

      Segment(LeafReaderContext context) throws IOException {
        int n = states.size();
        leaf = context.ord;
        read = new OrdinalArrays.Ordinals[n];
        single = new SortedDocValues[n];
        multi = new SortedSetDocValues[n];
        counts = new int[n][];
        for (int d = 0; d < n; d++) {
          String field = states.get(d).getField();
          read[d] = arrays.of(context.reader(), field).orElse(null);
          if (read[d] != null) {
            counts[d] = new int[read[d].valueCount() + 1];
            continue;
          }
          SortedSetDocValues values = DocValues.getSortedSet(context.reader(), field);
          single[d] = DocValues.unwrapSingleton(values);
          multi[d] = single[d] == null ? values : null;
          counts[d] = new int[(int) values.getValueCount()];
        }
      }

      @Override
      public void setScorer(Scorable scorer) {
        // Counting needs no score.
      }

      @Override
      public void collect(int doc) throws IOException {
        hits++;
        for (int d = 0; d < counts.length; d++) {
          OrdinalArrays.Ordinals array = read[d];
          SortedDocValues one = single[d];
          if (array != null) {
            array.count(doc, counts[d]);
          } else if (one != null) {
            if (one.advanceExact(doc)) {
              counts[d][one.ordValue()]++;
            }
          } else if (multi[d].advanceExact(doc)) {
            SortedSetDocValues many = multi[d];
            for (int i = many.docValueCount(); i > 0; i--) {
              counts[d][(int) many.nextOrd()]++;
            }
          }
        }
      }

      @Override
      public void finish() {
        for (int d = 0; d < counts.length; d++) {
          int[] segment = counts[d];
          int[] into = global[d];
          LongValues toGlobal = maps[d] == null ? LongValues.IDENTITY : maps[d].getGlobalOrds(leaf);
          int shift = read[d] == null ? 0 : 1;
          for (int ord = 0; ord + shift < segment.length; ord++) {
            if (segment[ord + shift] != 0) {
              into[(int) toGlobal.get(ord)] += segment[ord + shift];
            }
          }
        }
      }
    }
  }
}
