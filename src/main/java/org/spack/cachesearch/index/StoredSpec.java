package org.spack.cachesearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataOutput;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;

/**
 * The stored copy of a spec, in Lucene's own binary encoding (variable-length ints, strings as
 * length and UTF-8): every field as the page or index wrote it (raw compiler and variant spellings,
 * unknown fields as their JSON text), the package and tag, and the direct dependencies. It replaced
 * a JSON copy read back through a JSON tree, which was 39% of loading a page of 100 specs (JFR at
 * 1M specs). The closure is indexed, not stored.
 */
public final class StoredSpec {
  /** The first byte: the layout below. */
  private static final byte FORMAT = 1;

  private StoredSpec() {}

  static byte[] encode(SpecHit hit) {
    Spec spec = hit.spec();
    ByteBuffersDataOutput out = new ByteBuffersDataOutput(512);
    try {
      out.writeByte(FORMAT);
      out.writeString(hit.packageName());
      out.writeString(hit.tag());
      out.writeString(spec.hash());
      out.writeString(spec.compiler().raw());
      out.writeString(spec.os());
      out.writeString(spec.platform());
      out.writeString(spec.target());
      strings(out, spec.variants().stream().map(Variant::raw).toList());
      strings(out, spec.versions());
      strings(out, spec.stacks());
      out.writeVLong(spec.size() == null ? 0 : spec.size() + 1);
      out.writeVInt(spec.extra().size());
      for (Map.Entry<String, String> e : spec.extra().entrySet()) {
        out.writeString(e.getKey());
        out.writeString(e.getValue());
      }
      out.writeVInt(spec.dependencies().size());
      for (Dependency d : spec.dependencies()) {
        out.writeString(d.name());
        out.writeString(d.version());
        out.writeString(d.hash());
        strings(out, d.deptypes());
        strings(out, d.virtuals());
        strings(out, d.variants().stream().map(Variant::raw).toList());
        out.writeByte((byte) (d.external() ? 1 : 0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode spec " + spec.hash(), e); // in memory: never
    }
    return out.toArrayCopy();
  }

  private static void strings(DataOutput out, List<String> values) throws IOException {
    out.writeVInt(values.size());
    for (String v : values) {
      out.writeString(v);
    }
  }

  /** Reads what {@link #encode} wrote; a failure here means a corrupt or foreign index. */
  public static SpecHit decode(byte[] bytes, int offset, int length) {
    try {
      ByteArrayDataInput in = new ByteArrayDataInput(bytes, offset, length);
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("stored spec of format " + format + ", not " + FORMAT);
      }
      String packageName = in.readString();
      String tag = in.readString();
      String hash = in.readString();
      Compiler compiler = Compiler.parse(in.readString());
      String os = in.readString();
      String platform = in.readString();
      String target = in.readString();
      List<Variant> variants = list(in, i -> Variant.parse(i.readString()));
      List<String> versions = list(in, ByteArrayDataInput::readString);
      List<String> stacks = list(in, ByteArrayDataInput::readString);
      long size = in.readVLong();
      int extras = in.readVInt();
      Map<String, String> extra = new LinkedHashMap<>();
      for (int i = 0; i < extras; i++) {
        extra.put(in.readString(), in.readString());
      }
      List<Dependency> dependencies = list(in, StoredSpec::dependency);
      // ByteArrayDataInput reads past its length unchecked: the end is checked here.
      int left = offset + length - in.getPosition();
      if (left != 0) {
        throw new IllegalStateException(
            left > 0
                ? left + " bytes after the stored spec"
                : "the stored spec runs " + -left + " bytes past its " + length);
      }
      Spec spec =
          new Spec(
              hash,
              compiler,
              os,
              platform,
              target,
              variants,
              versions,
              stacks,
              size == 0 ? null : size - 1,
              extra,
              dependencies,
              List.of());
      return new SpecHit(packageName, tag, spec);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("index holds an unreadable spec: " + e, e);
    }
  }

  private static Dependency dependency(ByteArrayDataInput in) throws IOException {
    return new Dependency(
        in.readString(),
        in.readString(),
        in.readString(),
        list(in, ByteArrayDataInput::readString),
        list(in, ByteArrayDataInput::readString),
        list(in, i -> Variant.parse(i.readString())),
        in.readByte() == 1);
  }

  /** Reads one item of a list. */
  private interface Item<T> {
    T read(ByteArrayDataInput in) throws IOException;
  }

  private static <T> List<T> list(ByteArrayDataInput in, Item<T> item) throws IOException {
    int n = in.readVInt();
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.read(in));
    }
    return out;
  }
}
