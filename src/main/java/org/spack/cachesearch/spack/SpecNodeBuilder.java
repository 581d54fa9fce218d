package org.spack.cachesearch.spack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.spack.cachesearch.spack.SpecExpression.ArchPart;
import org.spack.cachesearch.spack.SpecExpression.CompilerFlag;
import org.spack.cachesearch.spack.SpecExpression.Hash;
import org.spack.cachesearch.spack.SpecExpression.Node;
import org.spack.cachesearch.spack.SpecExpression.VariantClause;
import org.spack.cachesearch.spack.SpecExpression.Versions;
import org.spack.cachesearch.spack.SpecLexer.Token;

/**
 * Collects one node's tokens into a {@link Node}, sorting {@code key=value} pairs into compiler
 * flags, architecture and variants as Spack's {@code Spec._add_flag} does.
 */
final class SpecNodeBuilder {
  /** Spack's compiler flags (spack/spec.py FlagMap.valid_compiler_flags). */
  private static final Set<String> COMPILER_FLAGS =
      Set.of("cflags", "cxxflags", "fflags", "cppflags", "ldflags", "ldlibs");

  /** Spack's reserved names (spack/variant.py RESERVED_NAMES), which never propagate. */
  private static final Set<String> RESERVED =
      Set.of(
          "arch",
          "architecture",
          "branch",
          "commit",
          "dev_path",
          "namespace",
          "operating_system",
          "os",
          "patches",
          "platform",
          "ref",
          "tag",
          "target");

  private String namespace;
  private String name;
  private int column;
  private boolean empty = true;
  private Versions versions;
  private final List<VariantClause> variants = new ArrayList<>();
  private final List<CompilerFlag> flags = new ArrayList<>();
  private final List<ArchPart> architecture = new ArrayList<>();
  private Hash hash;

  /** A node whose first token, if any, starts at {@code column}. */
  SpecNodeBuilder(int column) {
    this.column = column;
  }

  /** Sets the name, {@code *} for none, split at its last dot into namespace and name. */
  void name(String qualified, int column) {
    int dot = qualified.lastIndexOf('.');
    this.namespace = dot < 0 ? null : qualified.substring(0, dot);
    this.name = qualified.equals("*") ? null : qualified.substring(dot + 1);
    this.column = column;
    this.empty = false;
  }

  /** Whether the token is an attribute of this node; a second hash starts the next spec. */
  boolean accepts(Token token) {
    return switch (token.kind()) {
      case VERSION, BOOL_VARIANT, KEY_VALUE -> true;
      case HASH -> hash == null;
      default -> false;
    };
  }

  void add(Token token) {
    if (empty) {
      column = token.column();
      empty = false;
    }
    switch (token.kind()) {
      case VERSION -> version(token);
      case BOOL_VARIANT -> boolVariant(token);
      case KEY_VALUE -> keyValue(token);
      default -> hash = new Hash(token.value(), token.column());
    }
  }

  boolean isEmpty() {
    return empty;
  }

  Node build() {
    return new Node(namespace, name, column, versions, variants, flags, architecture, hash);
  }

  private void version(Token token) {
    if (versions != null) {
      throw new SpecSyntaxException(token.column(), "unexpected second version, a node takes one");
    }
    versions = new Versions(token.value(), token.valueColumn());
  }

  private void boolVariant(Token token) {
    boolean propagate = token.sigil().length() == 2;
    refusePropagation(token, propagate);
    VariantClause.Kind kind =
        token.sigil().charAt(0) == '+' ? VariantClause.Kind.ENABLED : VariantClause.Kind.DISABLED;
    variants.add(
        new VariantClause(token.name(), kind, List.of(), propagate, false, token.column()));
  }

  private void keyValue(Token token) {
    String key = token.name();
    boolean propagate = token.sigil().contains("==");
    refusePropagation(token, propagate);
    if (COMPILER_FLAGS.contains(key)) {
      flags.add(new CompilerFlag(key, token.value(), propagate, token.column()));
      return;
    }
    switch (key) {
      case "platform" -> arch(ArchPart.Field.PLATFORM, token.value(), token.valueColumn());
      case "os", "operating_system" -> arch(ArchPart.Field.OS, token.value(), token.valueColumn());
      case "target" -> arch(ArchPart.Field.TARGET, token.value(), token.valueColumn());
      case "arch", "architecture" -> triplet(token.value(), token.valueColumn());
      case "namespace" -> namespace = token.value();
      default -> {
        // As Spack's variant values: split at commas, blanks around them dropped.
        List<String> values = List.of(token.value().split("\\s*,\\s*", -1));
        boolean exact = token.sigil().startsWith(":");
        variants.add(
            new VariantClause(
                key, VariantClause.Kind.VALUE, values, propagate, exact, token.column()));
      }
    }
  }

  /** {@code platform-os-target}; a value of more or fewer parts is a target, as in Spack. */
  private void triplet(String value, int column) {
    String[] parts = value.split("-", -1);
    if (parts.length != 3) {
      arch(ArchPart.Field.TARGET, value, column);
      return;
    }
    int offset = 0;
    for (ArchPart.Field field : ArchPart.Field.values()) {
      String part = parts[field.ordinal()];
      // Spack's ArchSpec reads an empty part, or "None", as not given.
      if (!part.isEmpty() && !part.equals("None")) {
        arch(field, part, column + offset);
      }
      offset += part.length() + 1;
    }
  }

  private void arch(ArchPart.Field field, String value, int column) {
    for (ArchPart part : architecture) {
      if (part.field() == field) {
        throw new SpecSyntaxException(
            column,
            "unexpected second "
                + field.name().toLowerCase(Locale.ROOT)
                + ", the first is at column "
                + part.column());
      }
    }
    architecture.add(new ArchPart(field, value, column));
  }

  private static void refusePropagation(Token token, boolean propagate) {
    if (propagate && RESERVED.contains(token.name())) {
      throw new SpecSyntaxException(
          token.column(),
          "'" + token.name() + "' cannot be propagated with '" + token.sigil() + "'");
    }
  }
}
