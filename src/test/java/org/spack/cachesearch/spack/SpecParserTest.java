package org.spack.cachesearch.spack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.spack.cachesearch.spack.SpecExpression.ArchPart;
import org.spack.cachesearch.spack.SpecExpression.CompilerFlag;
import org.spack.cachesearch.spack.SpecExpression.Edge;
import org.spack.cachesearch.spack.SpecExpression.Hash;
import org.spack.cachesearch.spack.SpecExpression.Node;
import org.spack.cachesearch.spack.SpecExpression.VariantClause;
import org.spack.cachesearch.spack.SpecExpression.Versions;

/**
 * Spack's spec syntax as lib/spack/docs/spec_syntax.rst documents it and
 * lib/spack/spack/test/spec_syntax.py tests it (rows marked "spec_syntax.py" take their input from
 * there): whole trees for valid specs, exact messages and columns for malformed ones.
 */
class SpecParserTest {

  @TestFactory
  Stream<DynamicTest> validSpecsParseToTheirWholeTree() {
    return Stream.of(
        valid(
            "a name alone is a named node (spec_syntax.py)", "mvapich", spec(named("mvapich", 1))),
        valid(
            "names may start with _ (spec_syntax.py)",
            "_mvapich_foo",
            spec(named("_mvapich_foo", 1))),
        valid("names may start with a digit (spec_syntax.py)", "3dtk", spec(named("3dtk", 1))),
        valid("names may hold dashes (spec_syntax.py)", "ns-3-dev", spec(named("ns-3-dev", 1))),
        valid(
            "a version alone is an anonymous node (spec_syntax.py)",
            "@2.7",
            spec(anonymous(1).version("2.7", 2))),
        valid(
            "an open range keeps its colon (spec_syntax.py)",
            "@:2.7",
            spec(anonymous(1).version(":2.7", 2))),
        valid("+ enables a variant (spec_syntax.py)", "+foo", spec(anonymous(1).on("foo", 1))),
        valid("~ disables a variant (spec_syntax.py)", "~foo", spec(anonymous(1).off("foo", 1))),
        valid(
            "a leading - disables a variant (spec_syntax.py)",
            "-foo",
            spec(anonymous(1).off("foo", 1))),
        valid(
            "platform= is the platform (spec_syntax.py)",
            "platform=test",
            spec(anonymous(1).arch(ArchPart.Field.PLATFORM, "test", 10))),
        valid(
            "a spec may start with a direct edge (spec_syntax.py)",
            "%intel",
            spec(anonymous(1), direct(1, named("intel", 2)))),
        valid(
            "a spec may start with a transitive edge (spec_syntax.py)",
            "^zlib",
            spec(anonymous(1), transitive(1, named("zlib", 2)))),
        valid(
            "an anonymous node takes its attributes in any order (spec_syntax.py)",
            "languages=go @4.2:",
            spec(anonymous(1).values("languages", 1, "go").version("4.2:", 15))),
        valid(
            "transitive edges need no blanks (spec_syntax.py)",
            "openmpi      ^hwloc^libunwind",
            spec(
                named("openmpi", 1),
                transitive(14, named("hwloc", 15)),
                transitive(20, named("libunwind", 21)))),
        valid(
            "a version may follow a blank, a direct edge gets its own (spec_syntax.py)",
            "foo @2.0 %bar@1.0",
            spec(
                named("foo", 1).version("2.0", 6),
                direct(10, named("bar", 11).version("1.0", 15)))),
        valid(
            "version text is kept as written (spec_syntax.py)",
            "openmpi ^hwloc@:1.4b7-rc3",
            spec(named("openmpi", 1), transitive(9, named("hwloc", 10).version(":1.4b7-rc3", 16)))),
        valid(
            "a direct edge after a transitive node belongs to that node (spec_syntax.py)",
            "mvapich_foo ^_openmpi@1.2:1.4,1.6+debug~qt_4 %intel@12.1 ^stackwalker@8.1_1e",
            spec(
                named("mvapich_foo", 1),
                transitive(
                        13,
                        named("_openmpi", 14)
                            .version("1.2:1.4,1.6", 23)
                            .on("debug", 34)
                            .off("qt_4", 40))
                    .with(direct(46, named("intel", 47).version("12.1", 53))),
                transitive(58, named("stackwalker", 59).version("8.1_1e", 71)))),
        valid(
            "cppflags= is a compiler flag (spec_syntax.py)",
            "mvapich_foo ^_openmpi@1.2:1.4,1.6 cppflags=-O3 +debug~qt_4 %intel@12.1"
                + " ^stackwalker@8.1_1e",
            spec(
                named("mvapich_foo", 1),
                transitive(
                        13,
                        named("_openmpi", 14)
                            .version("1.2:1.4,1.6", 23)
                            .flag("cppflags", "-O3", false, 35)
                            .on("debug", 48)
                            .off("qt_4", 54))
                    .with(direct(60, named("intel", 61).version("12.1", 67))),
                transitive(72, named("stackwalker", 73).version("8.1_1e", 85)))),
        valid(
            "a dotted name is namespace and name (spec_syntax.py)",
            "builtin.yaml-cpp ^testrepo.boost ^zlib",
            spec(
                named("yaml-cpp", 1).namespace("builtin"),
                transitive(18, named("boost", 19).namespace("testrepo")),
                transitive(34, named("zlib", 35)))),
        valid(
            "variants stay in input order (spec_syntax.py)",
            "y~f+e~d+c~b+a",
            spec(
                named("y", 1)
                    .off("f", 2)
                    .on("e", 4)
                    .off("d", 6)
                    .on("c", 8)
                    .off("b", 10)
                    .on("a", 12))),
        valid("* is a node without a name (spec_syntax.py)", "*", spec(anonymous(1))),
        valid(
            "* may stand for a dependency's name (spec_syntax.py)",
            "^* foo=bar",
            spec(anonymous(1), transitive(1, anonymous(2).values("foo", 4, "bar")))),
        valid(
            "a bool variant may follow * directly (spec_syntax.py)",
            "%*+foo",
            spec(anonymous(1), direct(1, anonymous(2).on("foo", 3)))),
        valid(
            "a - inside a variant name is part of it (spec_syntax.py)",
            "_openmpi +debug-qt_4",
            spec(named("_openmpi", 1).on("debug-qt_4", 10))),
        valid(
            "a - after a blank disables a variant (spec_syntax.py)",
            "_openmpi +debug -qt_4",
            spec(named("_openmpi", 1).on("debug", 10).off("qt_4", 17))),
        valid(
            "a target value may hold : and , (spec_syntax.py)",
            "target=:broadwell,icelake",
            spec(anonymous(1).arch(ArchPart.Field.TARGET, ":broadwell,icelake", 8))),
        valid(
            "a git version with its spack version, then variants (spec_syntax.py)",
            "develop-branch-version@git." + "a".repeat(40) + "=develop+var1+var2",
            spec(
                named("develop-branch-version", 1)
                    .version("git." + "a".repeat(40) + "=develop", 24)
                    .on("var1", 76)
                    .on("var2", 81))),
        valid(
            "a 40-hex commit is a version (spec_syntax.py)",
            "develop-branch-version@" + "abc12".repeat(8) + "=develop",
            spec(named("develop-branch-version", 1).version("abc12".repeat(8) + "=develop", 24))),
        valid(
            "a git ref may hold slashes (spec_syntax.py)",
            "git-test@git.foo/bar",
            spec(named("git-test", 1).version("git.foo/bar", 10))),
        valid(
            "a compiler takes a version list (spec_syntax.py)",
            "%gcc@:8.4.3,10.2.1:12.1.0",
            spec(anonymous(1), direct(1, named("gcc", 2).version(":8.4.3,10.2.1:12.1.0", 6)))),
        valid(
            "a variant value may be a path (spec_syntax.py)",
            "dev_path=/abspath/work",
            spec(anonymous(1).values("dev_path", 1, "/abspath/work"))),
        valid(
            "a flag value may hold = + ~ (spec_syntax.py)",
            "cflags=a=b=c+~",
            spec(anonymous(1).flag("cflags", "a=b=c+~", false, 1))),
        valid(
            "a flag value is not split at commas (spec_syntax.py)",
            "cflags=-Wl,a,b,c",
            spec(anonymous(1).flag("cflags", "-Wl,a,b,c", false, 1))),
        valid(
            "== propagates a quoted flag (spec_syntax.py)",
            "cflags==\"-O3 -g\"",
            spec(anonymous(1).flag("cflags", "-O3 -g", true, 1))),
        valid(
            "blanks around commas stay in the version text (spec_syntax.py)",
            "@1.2:1.4 , 1.6 ",
            spec(anonymous(1).version("1.2:1.4 , 1.6", 2))),
        valid(
            "blanks may follow sigils (spec_syntax.py)",
            "+ debug % intel @ 12.1:12.6",
            spec(
                anonymous(1).on("debug", 1),
                direct(9, named("intel", 11).version("12.1:12.6", 19)))),
        valid(
            "a range ends where a key=value starts (spec_syntax.py)",
            "@10.4.0:10,11.3.0:target=aarch64:",
            spec(
                anonymous(1)
                    .version("10.4.0:10,11.3.0:", 2)
                    .arch(ArchPart.Field.TARGET, "aarch64:", 26))),
        valid(
            "an upper end followed by = is a key (spec_parser.py VERSION_RANGE)",
            "a@1.2:develop=foo",
            spec(named("a", 1).version("1.2:", 3).values("develop", 7, "foo"))),
        valid(
            "virtuals= names what a dependency provides (spec_syntax.py)",
            "^[virtuals=mpi] openmpi",
            spec(anonymous(1), transitive(1, named("openmpi", 17)).virtuals("mpi"))),
        valid(
            "mpi=openmpi is the short form of virtuals= (spec_syntax.py)",
            "^mpi=openmpi",
            spec(anonymous(1), transitive(1, named("openmpi", 6)).virtuals("mpi"))),
        valid(
            "one package may provide several virtuals (spec_syntax.py)",
            "^lapack,mpi=openmpi+foo+bar",
            spec(
                anonymous(1),
                transitive(1, named("openmpi", 13).on("foo", 20).on("bar", 24))
                    .virtuals("lapack", "mpi"))),
        valid(
            "deptypes= keeps its order (spec_syntax.py)",
            "^[deptypes=link,build] zlib",
            spec(anonymous(1), transitive(1, named("zlib", 24)).depTypes("link", "build"))),
        valid(
            "repeated dependencies are kept as written (spec_syntax.py)",
            "pkg-a ^pkg-b %pkg-c ^pkg-b",
            spec(
                named("pkg-a", 1),
                transitive(7, named("pkg-b", 8)).with(direct(14, named("pkg-c", 15))),
                transitive(21, named("pkg-b", 22)))),
        valid(
            "++ propagates an enabled variant (spec_syntax.py)",
            "zlib ++foo",
            spec(named("zlib", 1).variant("foo", VariantClause.Kind.ENABLED, true, false, 6))),
        valid(
            "~~ propagates a disabled variant (spec_syntax.py)",
            "zlib ~~foo",
            spec(named("zlib", 1).variant("foo", VariantClause.Kind.DISABLED, true, false, 6))),
        valid(
            "== propagates a variant value (spec_syntax.py)",
            "zlib foo==bar",
            spec(named("zlib", 1).variant("foo", VariantClause.Kind.VALUE, true, false, 6, "bar"))),
        valid(
            "a compiler edge may name its virtuals in brackets (spec_syntax.py)",
            "zlib %[virtuals=c,cxx] gcc",
            spec(named("zlib", 1), direct(6, named("gcc", 24)).virtuals("c", "cxx"))),
        valid(
            "c=gcc is the short form (spec_syntax.py)",
            "zlib %c=gcc",
            spec(named("zlib", 1), direct(6, named("gcc", 9)).virtuals("c"))),
        valid(
            "attributes after a dependency are that dependency's (spec_syntax.rst)",
            "zlib@1.3: %gcc@13 +shared target=x86_64_v3 os=ubuntu22.04",
            spec(
                named("zlib", 1).version("1.3:", 6),
                direct(
                    11,
                    named("gcc", 12)
                        .version("13", 16)
                        .on("shared", 19)
                        .arch(ArchPart.Field.TARGET, "x86_64_v3", 34)
                        .arch(ArchPart.Field.OS, "ubuntu22.04", 47)))),
        valid(
            ":= asks for exactly these values",
            "py-numpy@1.26:1.27,2.0 %c,cxx=gcc@13: ~blas libs:=shared,static"
                + " ^openblas@0.3 threads=openmp",
            spec(
                named("py-numpy", 1).version("1.26:1.27,2.0", 10),
                direct(
                        24,
                        named("gcc", 31)
                            .version("13:", 35)
                            .off("blas", 39)
                            .variant(
                                "libs",
                                VariantClause.Kind.VALUE,
                                false,
                                true,
                                45,
                                "shared",
                                "static"))
                    .virtuals("c", "cxx"),
                transitive(
                    65, named("openblas", 66).version("0.3", 75).values("threads", 79, "openmp")))),
        valid("/ gives a hash prefix", "/abc1234", spec(anonymous(1).hash("abc1234", 1))),
        valid(
            "a name, a version and a hash (spec_syntax.py)",
            "zlib@1.3 /abc",
            spec(named("zlib", 1).version("1.3", 6).hash("abc", 10))),
        valid(
            "a dependency may be given by hash (spec_syntax.rst)",
            "trilinos ^/er3die3",
            spec(named("trilinos", 1), transitive(10, anonymous(11).hash("er3die3", 11)))),
        valid(
            "os= on any package",
            "* os=ubuntu22.04",
            spec(anonymous(1).arch(ArchPart.Field.OS, "ubuntu22.04", 6))),
        valid(
            "an edge takes virtuals and deptypes together",
            "^[virtuals=mpi deptypes=build,link] openmpi",
            spec(
                anonymous(1),
                transitive(1, named("openmpi", 37)).virtuals("mpi").depTypes("build", "link"))),
        valid(
            "% binds to the root or the last ^ node (spec_syntax.rst)",
            "root %dep1 ^transitive %dep2 %dep3",
            spec(
                named("root", 1),
                direct(6, named("dep1", 7)),
                transitive(12, named("transitive", 13))
                    .with(direct(24, named("dep2", 25)), direct(30, named("dep3", 31))))),
        valid(
            "two compilers for different virtuals (spec_syntax.rst)",
            "mpich %[virtuals=c,cxx] clang %[virtuals=fortran] gcc",
            spec(
                named("mpich", 1),
                direct(7, named("clang", 25)).virtuals("c", "cxx"),
                direct(31, named("gcc", 51)).virtuals("fortran"))),
        valid(
            "when= keeps its condition as text (spec_syntax.rst)",
            "hdf5 ^[when=+mpi] mpich@3.1",
            spec(
                named("hdf5", 1),
                transitive(6, named("mpich", 19).version("3.1", 25)).when("+mpi"))),
        valid(
            "a virtual assignment may follow the bracket (spec_parser.py END_EDGE_PROPERTIES)",
            "zlib ^[deptypes=link] mpi=openmpi",
            spec(
                named("zlib", 1),
                transitive(6, named("openmpi", 27)).depTypes("link").virtuals("mpi"))),
        valid(
            "several virtual assignments (spec_syntax.rst)",
            "strumpack ^mpi=intel-parallel-studio+mkl ^lapack=openblas",
            spec(
                named("strumpack", 1),
                transitive(11, named("intel-parallel-studio", 16).on("mkl", 37)).virtuals("mpi"),
                transitive(42, named("openblas", 50)).virtuals("lapack"))),
        valid(
            "arch= splits into platform, os and target",
            "arch=linux-ubuntu22.04-x86_64",
            spec(
                anonymous(1)
                    .arch(ArchPart.Field.PLATFORM, "linux", 6)
                    .arch(ArchPart.Field.OS, "ubuntu22.04", 12)
                    .arch(ArchPart.Field.TARGET, "x86_64", 24))),
        valid(
            "None parts of arch= are not given (spec_syntax.py)",
            "x arch=test-None-None",
            spec(named("x", 1).arch(ArchPart.Field.PLATFORM, "test", 8))),
        valid(
            "empty parts of arch= are not given",
            "zlib arch=linux--zen4",
            spec(
                named("zlib", 1)
                    .arch(ArchPart.Field.PLATFORM, "linux", 11)
                    .arch(ArchPart.Field.TARGET, "zen4", 18))),
        valid(
            "arch= of one part is the target",
            "zlib arch=x86_64",
            spec(named("zlib", 1).arch(ArchPart.Field.TARGET, "x86_64", 11))),
        valid(
            "%% propagates a direct dependency",
            "zlib %%[virtuals=c] gcc",
            spec(named("zlib", 1), direct(6, named("gcc", 21)).virtuals("c").propagated())),
        valid(
            "a quoted value drops its quotes and unescapes its quote character",
            "zlib cflags='-DNAME=\\'x\\''",
            spec(named("zlib", 1).flag("cflags", "-DNAME='x'", false, 6))),
        valid(
            "namespace= sets the namespace",
            "zlib namespace=builtin",
            spec(named("zlib", 1).namespace("builtin"))),
        valid(
            "stackstart==4 propagates a value (spec_syntax.rst)",
            "mpileaks stackstart==4",
            spec(
                named("mpileaks", 1)
                    .variant("stackstart", VariantClause.Kind.VALUE, true, false, 10, "4"))));
  }

  @TestFactory
  Stream<DynamicTest> malformedSpecsFailAtTheirColumnSayingWhatWasExpected() {
    return Stream.of(
        invalid("nothing to parse", "", 1, "empty spec"),
        invalid("blanks only", "   ", 1, "empty spec"),
        invalid("@@ (spec_syntax.py)", "x@@1.2", 3, "expected a version after '@'"),
        invalid(
            "@@ on a dependency (spec_syntax.py)", "x ^y@@1.2", 6, "expected a version after '@'"),
        invalid("a range with two colons (spec_syntax.py)", "x@1.2::", 7, "unexpected ':'"),
        invalid("a name then colons (spec_syntax.py)", "x::", 2, "unexpected ':'"),
        invalid(
            "two versions (spec_syntax.py)",
            "x@1.2@2.3",
            6,
            "unexpected second version, a node takes one"),
        invalid(
            "two versions apart (spec_syntax.py)",
            "x@1.2 +foo~bar @2.3",
            16,
            "unexpected second version, a node takes one"),
        invalid(
            "two versions on a dependency",
            "zlib @1.2 ^b@3 @4",
            16,
            "unexpected second version, a node takes one"),
        invalid("a version ending in a dot", "zlib@1.2.", 9, "unexpected '.'"),
        invalid("+ at the end", "zlib+", 6, "expected a variant name after '+'"),
        invalid("~ then blanks at the end", "zlib ~ ", 7, "expected a variant name after '~'"),
        invalid("++ at the end", "zlib ++", 8, "expected a variant name after '++'"),
        invalid("a key without a value", "zlib foo=", 10, "expected a value after 'foo='"),
        invalid("a bool variant with =", "zlib +shared=", 13, "unexpected '='"),
        invalid(
            "an unclosed quote",
            "zlib cflags=\"-O3",
            17,
            "expected a closing \" for the quote at column 13"),
        invalid("/ without a hash", "zlib /", 7, "expected a hash after '/'"),
        invalid(
            "two names (spec_syntax.py)",
            "mvapich emacs",
            9,
            "expected a single spec, but got more"),
        invalid("two hashes", "zlib /abc /def", 11, "expected a single spec, but got more"),
        invalid(
            "a blank ends a range (spec_syntax.py)",
            "a@1: b",
            6,
            "expected a single spec, but got more"),
        invalid(
            "a name after a virtual assignment",
            "zlib %c=gcc clang",
            13,
            "expected a single spec, but got more"),
        invalid(
            "^ at the end", "zlib ^", 7, "expected a package name or node attributes after '^'"),
        invalid(
            "% then another edge",
            "zlib % ^b", 8, "expected a package name or node attributes after '%'"),
        invalid(
            "edge attributes then another edge",
            "zlib ^[virtuals=mpi] ^b",
            22,
            "expected a package name or node attributes after '^[...]'"),
        invalid(
            "an unclosed bracket", "zlib ^[virtuals=mpi", 20, "expected an edge attribute or ']'"),
        invalid(
            "an unknown edge attribute",
            "zlib ^[foo=bar] mpich",
            8,
            "expected an edge attribute deptypes, virtuals or when, not 'foo'"),
        invalid(
            "a variant among edge attributes",
            "zlib ^[+mpi] mpich",
            8,
            "expected an edge attribute or ']'"),
        invalid(
            "an unknown dependency type",
            "zlib ^[deptypes=build,lib] z",
            17,
            "expected dependency types build, link, run or test, not 'lib'"),
        invalid("a blank between % and [", "zlib % [virtuals=c] gcc", 8, "unexpected '['"),
        invalid("a ] outside edge attributes", "zlib ]", 6, "unexpected ']'"),
        invalid("a character outside the grammar", "zlib $", 6, "unexpected '$'"),
        invalid(
            "an assignment without a package", "zlib ^mpi=", 11, "expected a value after 'mpi='"),
        invalid(
            "a propagated target",
            "zlib target==x86_64",
            6,
            "'target' cannot be propagated with '=='"),
        invalid(
            "a propagated reserved bool",
            "zlib ++commit",
            6,
            "'commit' cannot be propagated with '++'"),
        invalid(
            "os twice (spec_syntax.py)",
            "zlib os=a os=b",
            14,
            "unexpected second os, the first is at column 9"),
        invalid(
            "target from arch= and target= (spec_syntax.py)",
            "zlib arch=linux-rhel7-x86_64 target=zen",
            37,
            "unexpected second target, the first is at column 23"),
        invalid(
            "a spec file path",
            "./spec.json",
            1,
            "expected a spec, not the spec file './spec.json'"),
        invalid(
            "an absolute spec file path",
            "zlib /tmp/spec.yaml",
            6,
            "expected a spec, not the spec file '/tmp/spec.yaml'"));
  }

  @Test
  void theExceptionCarriesColumnAndReasonApart() {
    SpecSyntaxException e =
        assertThrows(SpecSyntaxException.class, () -> SpecParser.parse("zlib ^"));
    assertEquals(7, e.column());
    assertEquals("expected a package name or node attributes after '^'", e.reason());
  }

  @Test
  void recordsRefuseWhatTheGrammarCannotProduce() {
    Node zlib = named("zlib", 1).build();
    Edge child = new Edge('%', false, List.of(), List.of(), null, zlib, List.of(), 6);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Edge('&', false, List.of(), List.of(), null, zlib, List.of(), 6));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Edge('%', false, List.of(), List.of(), null, zlib, List.of(child), 6));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Edge('^', true, List.of(), List.of(), null, zlib, List.of(), 6));
    assertThrows(IllegalArgumentException.class, () -> new Versions("1.2", 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VariantClause("shared", VariantClause.Kind.ENABLED, List.of("x"), false, false, 1));
  }

  private static DynamicTest valid(String behaviour, String input, SpecExpression expected) {
    return DynamicTest.dynamicTest(
        behaviour + ": " + input, () -> assertEquals(expected, SpecParser.parse(input)));
  }

  private static DynamicTest invalid(String behaviour, String input, int column, String reason) {
    return DynamicTest.dynamicTest(
        behaviour + ": " + input,
        () -> {
          SpecSyntaxException e =
              assertThrows(SpecSyntaxException.class, () -> SpecParser.parse(input));
          assertEquals("column " + column + ": " + reason, e.getMessage());
          assertEquals(column, e.column());
        });
  }

  private static SpecExpression spec(N root, E... edges) {
    return new SpecExpression(root.build(), Arrays.stream(edges).map(E::build).toList());
  }

  private static N named(String name, int column) {
    return new N(name, column);
  }

  private static N anonymous(int column) {
    return new N(null, column);
  }

  private static E transitive(int column, N node) {
    return new E('^', column, node);
  }

  private static E direct(int column, N node) {
    return new E('%', column, node);
  }

  /** An expected node, written part by part. */
  private static final class N {
    private final String name;
    private final int column;
    private String namespace;
    private Versions versions;
    private final List<VariantClause> variants = new ArrayList<>();
    private final List<CompilerFlag> flags = new ArrayList<>();
    private final List<ArchPart> arch = new ArrayList<>();
    private Hash hash;

    N(String name, int column) {
      this.name = name;
      this.column = column;
    }

    N namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    N version(String text, int column) {
      versions = new Versions(text, column);
      return this;
    }

    N on(String variant, int column) {
      return variant(variant, VariantClause.Kind.ENABLED, false, false, column);
    }

    N off(String variant, int column) {
      return variant(variant, VariantClause.Kind.DISABLED, false, false, column);
    }

    N values(String variant, int column, String... values) {
      return variant(variant, VariantClause.Kind.VALUE, false, false, column, values);
    }

    N variant(
        String variant,
        VariantClause.Kind kind,
        boolean propagate,
        boolean exact,
        int column,
        String... values) {
      variants.add(new VariantClause(variant, kind, List.of(values), propagate, exact, column));
      return this;
    }

    N flag(String flag, String value, boolean propagate, int column) {
      flags.add(new CompilerFlag(flag, value, propagate, column));
      return this;
    }

    N arch(ArchPart.Field field, String value, int column) {
      arch.add(new ArchPart(field, value, column));
      return this;
    }

    N hash(String prefix, int column) {
      hash = new Hash(prefix, column);
      return this;
    }

    Node build() {
      return new Node(namespace, name, column, versions, variants, flags, arch, hash);
    }
  }

  /** An expected edge, written part by part. */
  private static final class E {
    private final char kind;
    private final int column;
    private final N node;
    private boolean propagate;
    private List<String> virtuals = List.of();
    private List<String> depTypes = List.of();
    private String when;
    private List<E> edges = List.of();

    E(char kind, int column, N node) {
      this.kind = kind;
      this.column = column;
      this.node = node;
    }

    E virtuals(String... virtuals) {
      this.virtuals = List.of(virtuals);
      return this;
    }

    E depTypes(String... depTypes) {
      this.depTypes = List.of(depTypes);
      return this;
    }

    E when(String when) {
      this.when = when;
      return this;
    }

    E propagated() {
      this.propagate = true;
      return this;
    }

    E with(E... edges) {
      this.edges = List.of(edges);
      return this;
    }

    Edge build() {
      List<Edge> children = edges.stream().map(E::build).toList();
      return new Edge(kind, propagate, virtuals, depTypes, when, node.build(), children, column);
    }
  }
}
