import org.apache.lucene.index.*;
import org.apache.lucene.store.*;
import java.nio.file.*;
/**
 * What search/OrdinalArrays would hold if every facet dimension of an index were counted: its size
 * rules (a byte or char a document for a single-valued dimension of at most 254 or 65,534 values
 * in a segment, an int offset a document and a byte a value for a multi-valued one of at most
 * 254), applied per segment. Usage: java -cp target/spack-cache-search.jar
 * bench/OrdinalArrayBytes.java INDEX
 */
public class OrdinalArrayBytes {
  public static void main(String[] a) throws Exception {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(Path.of(a[0])))) {
      long total = 0;
      for (FieldInfo fi : FieldInfos.getMergedFieldInfos(r)) {
        if (!fi.name.startsWith("$facets.")) continue;
        long dim = 0; boolean all = true;
        for (LeafReaderContext c : r.leaves()) {
          SortedSetDocValues v = DocValues.getSortedSet(c.reader(), fi.name);
          SortedDocValues s = DocValues.unwrapSingleton(v);
          long n = v.getValueCount(); int maxDoc = c.reader().maxDoc();
          if (s != null) { if (n > 65534) { all = false; continue; } dim += (n <= 254 ? 1L : 2L) * maxDoc; }
          else { if (n > 254) { all = false; continue; } long refs = 0;
            for (int d = v.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = v.nextDoc()) refs += v.docValueCount();
            dim += 4L * (maxDoc + 1) + refs; }
        }
        if (dim > 0) System.out.printf("%-24s %,12d bytes%s%n", fi.name, dim, all ? "" : " (some segments not)");
        total += dim;
      }
      System.out.printf("maxDoc %,d, total %,d bytes (%.1f a document)%n", r.maxDoc(), total, (double) total / r.maxDoc());
    }
  }
}
