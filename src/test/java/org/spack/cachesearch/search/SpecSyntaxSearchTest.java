package org.spack.cachesearch.search;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.PackageSummary.StackCount;
import org.spack.cachesearch.search.Requests.FacetRequest;
import org.spack.cachesearch.search.Requests.PackageOrder;
import org.spack.cachesearch.search.Requests.PackageRequest;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.SearchException.Kind;

/**
 * Spack spec syntax over the hand-made pages in {@code pages/spack-syntax} (see its README): each
 * expression selects exactly the specs written beside it, worked out by hand from the pages, or is
 * refused with its kind, message and column. Hashes are named by their readable first 8 characters.
 */
class SpecSyntaxSearchTest {
  static final Path FIXTURE = Path.of("src/test/resources/pages/spack-syntax");
  static final String[] ALL = {
    "zlibaaaa", "zlibaaab", "zlibaaac", "zlibaaad", "zlibaaae", "zlibaaaf", "zlibbbba", "zlibbbbb",
    "zlibbbbc", "zlibbbbd", "zlibbbbe", "ossldeva", "ossldevb", "ossldevc", "ossldevd", "osslolda",
    "ossloldb", "hdf5deva", "hdf5devb", "hdf5devc", "hdf5devd", "hdf5deve", "numpyaaa", "numpyaab",
    "numpyaac"
  };

  @TempDir static Path tmp;
  private static SearchIndex index;
  private IndexView view;

  @BeforeAll
  static void ingestFixture() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), FIXTURE);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @BeforeEach
  void acquire() throws IOException {
    view = index.acquire();
  }

  @AfterEach
  void release() throws IOException {
    view.close();
  }

  /** The full hashes of the fixture's specs named by their first 8 characters (padded with q). */
  static Set<String> hashes(String... roles) {
    Set<String> out = new TreeSet<>();
    for (String role : roles) {
      out.add(role + "q".repeat(32 - role.length()));
    }
    return out;
  }

  /** Every hash the selection finds, checking that one page held them all and the total agrees. */
  static Set<String> found(IndexView view, Selection selection) {
    ResultPage<SpecHit> page =
        view.search(new SpecRequest(selection, 100, null, SortOrder.HASH, true));
    Set<String> out = new TreeSet<>();
    page.nodes().forEach(h -> out.add(h.hash()));
    assertEquals(List.of(false, out.size()), List.of(page.hasNext(), page.totalCount()));
    return out;
  }

  static Selection spec(String spec) {
    return Selection.of(null, null).with(spec, null);
  }

  /** A spec, the behaviour it shows, and the roles of the specs it selects, blank-separated. */
  private record Match(String spec, String behaviour, String roles) {
    Set<String> expected() {
      return roles.isEmpty() ? Set.of() : hashes(roles.split(" "));
    }
  }

  private static final List<Match> MATCHES =
      List.of(
          new Match(
              "zlib",
              "a name selects the package in every tag",
              "zlibaaaa zlibaaab zlibaaac zlibaaad zlibaaae zlibaaaf zlibbbba "
                  + "zlibbbbb zlibbbbc zlibbbbd zlibbbbe"),
          new Match("py-numpy", "a name with a dash", "numpyaaa numpyaab numpyaac"),
          new Match("*", "a star is every spec", String.join(" ", ALL)),
          new Match("nosuchpackage", "an unknown name matches nothing", ""),
          new Match(
              "@1.2",
              "1.2 holds 1.2 and 1.2.13 but not 1.20 or 1.14.5",
              "zlibaaaf zlibbbbb zlibbbbc zlibbbbe"),
          new Match("@=1.2", "=1.2 is 1.2 alone", "zlibbbbb zlibbbbe"),
          new Match(
              "zlib@1.2:1.3",
              "1.2:1.3 holds every 1.2.x and 1.3.x, the 1.3.1 prerelease too, not develop",
              "zlibaaaa zlibaaab zlibaaac zlibaaae zlibaaaf zlibbbba zlibbbbb "
                  + "zlibbbbc zlibbbbd zlibbbbe"),
          new Match(
              "zlib@1.3:",
              "1.3: holds 1.3, 1.3.1, its prerelease and develop",
              "zlibaaaa zlibaaab zlibaaac zlibaaad zlibaaae zlibbbba zlibbbbd"),
          new Match(
              "@:1.2",
              ":1.2 holds 1.2.13 but not 1.14.5 or 1.20",
              "zlibaaaf zlibbbbb zlibbbbc zlibbbbe"),
          new Match(
              "@1.2,3.0:",
              "a list is a union; 3.0: holds 3.10, main and develop",
              "zlibaaaf zlibbbbb zlibbbbc zlibbbbe ossldeva ossldevb ossldevc "
                  + "ossldevd osslolda ossloldb zlibaaad hdf5devc"),
          new Match(
              "zlib@1.3, 1.2.13",
              "blanks around a list's comma are allowed",
              "zlibaaaa zlibaaab zlibaaac zlibaaae zlibbbbd zlibbbba zlibaaaf zlibbbbc"),
          new Match(
              "@1.3.1",
              "1.3.1 holds no 1.3.1rc2, a prerelease below it",
              "zlibaaaa zlibaaab zlibbbba"),
          new Match("@1.3.1rc2", "a prerelease selects itself", "zlibaaac"),
          new Match("@=1.3.1", "=1.3.1 is the release alone", "zlibaaaa zlibaaab zlibbbba"),
          new Match(
              "zlib@1.3.1rc2:1.3.1",
              "a range from a prerelease to its release",
              "zlibaaaa zlibaaab zlibaaac zlibbbba"),
          new Match("@develop", "develop is a version of its own", "zlibaaad hdf5devc"),
          new Match("@main", "main is a version of its own", "ossldevc"),
          new Match("@main:", "develop sorts above main", "ossldevc zlibaaad hdf5devc"),
          new Match(
              "zlib@:",
              "a bare colon is every version",
              "zlibaaaa zlibaaab zlibaaac zlibaaad zlibaaae zlibaaaf zlibbbba "
                  + "zlibbbbb zlibbbbc zlibbbbd zlibbbbe"),
          new Match("zlib@1.3:1.2", "1.3:1.2 is Spack's empty range, not an error", ""),
          new Match("openssl@3.0", "3.0 holds 3.0.0 but not 3.10", "ossldeva osslolda ossloldb"),
          new Match("openssl@3.1:", "3.1: holds 3.10 and main", "ossldevb ossldevc ossldevd"),
          new Match(
              "@1.14:1.20",
              "numbers compare as numbers: 1.14 to 1.20 holds neither 1.2 nor 1.3",
              "hdf5deva hdf5devb hdf5devd hdf5deve numpyaaa numpyaab numpyaac"),
          new Match("py-numpy@1.2", "1.20 is not a 1.2", ""),
          new Match(
              "zlib@1..2",
              "separators do not count in Spack's version order: 1..2 is 1.2",
              "zlibaaaf zlibbbbb zlibbbbc zlibbbbe"),
          new Match(
              "%gcc",
              "a compiler name matches both spellings of its versions, never none",
              "zlibaaaa zlibaaab zlibbbba zlibbbbb zlibbbbc ossldeva ossldevc "
                  + "osslolda ossloldb hdf5deva hdf5devb hdf5devd hdf5deve numpyaaa"),
          new Match(
              "zlib%gcc",
              "no blank is needed before %", "zlibaaaa zlibaaab zlibbbba zlibbbbb zlibbbbc"),
          new Match(
              "openssl %gcc",
              "a spec without a compiler (none) is not a gcc one",
              "ossldeva ossldevc osslolda ossloldb"),
          new Match("%gcc@13", "gcc@13 is 13.2.0", "zlibaaaa zlibaaab ossldeva hdf5deva hdf5devb"),
          new Match(
              "%gcc@12:",
              "gcc@12: leaves 11.4.0 out", "zlibaaaa zlibaaab ossldeva hdf5deva hdf5devb"),
          new Match(
              "%gcc@=11.4.0",
              "=11.4.0 matches pages that wrote gcc@=11.4.0",
              "zlibbbba zlibbbbb zlibbbbc ossldevc osslolda ossloldb hdf5devd "
                  + "hdf5deve numpyaaa"),
          new Match(
              "zlib %c=gcc",
              "a virtual assignment names the compiler",
              "zlibaaaa zlibaaab zlibbbba zlibbbbb zlibbbbc"),
          new Match(
              "%c,cxx=gcc@13",
              "several virtuals and a version", "zlibaaaa zlibaaab ossldeva hdf5deva hdf5devb"),
          new Match(
              "hdf5 %[virtuals=c] gcc@11", "edge attributes in brackets", "hdf5devd hdf5deve"),
          new Match(
              "zlib %%gcc@13",
              "%% propagates the compiler: still the binary's compiler", "zlibaaaa zlibaaab"),
          new Match(
              "%clang",
              "clang also matches llvm, its name since Spack 1.0",
              "zlibaaac hdf5devc ossldevb zlibbbbe numpyaac"),
          new Match(
              "%llvm", "llvm also matches clang", "zlibaaac hdf5devc ossldevb zlibbbbe numpyaac"),
          new Match("%clang@18", "the version applies to either spelling", "zlibaaac hdf5devc"),
          new Match("%llvm@17", "and the other way round", "ossldevb zlibbbbe numpyaac"),
          new Match("%oneapi", "oneapi matches its own pages", "zlibaaaf numpyaab"),
          new Match(
              "%intel-oneapi-compilers",
              "intel-oneapi-compilers matches oneapi pages", "zlibaaaf numpyaab"),
          new Match("%apple-clang@16", "apple-clang is not clang", "zlibaaad zlibbbbd"),
          new Match("zlib@1.3 %gcc@13", "a version and a compiler", "zlibaaaa zlibaaab"),
          new Match(
              "+shared",
              "+x is x=true",
              "zlibaaaa zlibaaac zlibaaad zlibaaaf zlibbbba zlibbbbc zlibbbbd "
                  + "zlibbbbe ossldeva ossldevb ossldevd osslolda"),
          new Match("zlib ~shared", "~x is x=false", "zlibaaab zlibaaae zlibbbbb"),
          new Match("zlib -shared", "-x after a blank is ~x", "zlibaaab zlibaaae zlibbbbb"),
          new Match(
              "zlib ++shared",
              "++x propagates, and holds as +x",
              "zlibaaaa zlibaaac zlibaaad zlibaaaf zlibbbba zlibbbbc zlibbbbd zlibbbbe"),
          new Match(
              "zlib+shared",
              "no blank is needed before +",
              "zlibaaaa zlibaaac zlibaaad zlibaaaf zlibbbba zlibbbbc zlibbbbd zlibbbbe"),
          new Match("zlib@1.2+shared", "a version then a variant", "zlibaaaf zlibbbbc zlibbbbe"),
          new Match(
              "libs=shared",
              "one value of a multi-valued variant",
              "hdf5deva hdf5devb hdf5devd hdf5deve"),
          new Match("libs:=shared,static", ":= requires both values", "hdf5deva hdf5devd hdf5deve"),
          new Match(
              "libs=shared,static", "a list requires every value", "hdf5deva hdf5devd hdf5deve"),
          new Match(
              "libs==static",
              "== propagates, and holds as =",
              "hdf5deva hdf5devc hdf5devd hdf5deve"),
          new Match(
              "build_system=cmake",
              "a single-valued variant",
              "hdf5deva hdf5devb hdf5devc hdf5deve"),
          new Match("hdf5 +mpi ~fortran", "every variant must hold", "hdf5devb hdf5deve"),
          new Match(
              "openssl ~docs +shared",
              "variants of another package",
              "ossldeva ossldevb ossldevd osslolda"),
          new Match("target=zen3", "a target is exact: no ancestors", "zlibbbbe ossldeva numpyaaa"),
          new Match("target=x86_64", "x86_64 is not x86_64_v3", "ossldevb"),
          new Match("os=sonoma", "an operating system", "zlibaaad zlibbbbd"),
          new Match("platform=darwin", "a platform", "zlibaaad zlibbbbd"),
          new Match(
              "zlib os=ubuntu24.04", "a name and an os", "zlibaaaa zlibaaab zlibaaac zlibaaae"),
          new Match(
              "zlib operating_system=ubuntu22.04 target=aarch64",
              "operating_system is os",
              "zlibbbbc"),
          new Match(
              "arch=linux-ubuntu22.04-zen3",
              "arch= is platform, os and target",
              "zlibbbbe numpyaaa"),
          new Match(
              "arch=linux--power9le", "an empty part of arch= is not given", "ossldevc hdf5devd"),
          new Match(
              "/zlibaaa", "a hash prefix", "zlibaaaa zlibaaab zlibaaac zlibaaad zlibaaae zlibaaaf"),
          new Match(
              "zlib/zlibbbb",
              "a name and a hash prefix",
              "zlibbbba zlibbbbb zlibbbbc zlibbbbd zlibbbbe"),
          new Match("openssl /zlibaaa", "a hash prefix of another package matches nothing", ""),
          new Match("/ossldevc", "a longer prefix is one spec", "ossldevc"),
          new Match(
              "zlib@1.3: +shared target=x86_64_v3 os=ubuntu22.04 %gcc",
              "every part of a long spec holds", "zlibbbba"));

  @TestFactory
  Stream<DynamicTest> eachSpecSelectsExactlyTheSpecsWorkedOutByHand() {
    return MATCHES.stream()
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m.spec() + ": " + m.behaviour(),
                    () -> assertEquals(m.expected(), found(view, spec(m.spec())))));
  }

  @Test
  void aSpecAndALuceneQueryMustBothHold() {
    Selection onE4s = Selection.of("stacks:e4s", null).with("+shared", null);
    Selection elsewhere = Selection.of("package:openssl", null).with("zlib", null);

    assertEquals(
        hashes("zlibaaaa", "zlibaaac", "zlibbbba", "ossldeva", "osslolda"), found(view, onE4s));
    assertEquals(hashes(), found(view, elsewhere));
  }

  @Test
  void aSpecAQueryAndAFilterMustAllHold() {
    SpecFilter develop = SpecFilter.of(SpecField.TAG, "develop");
    Selection gccOnV3 = Selection.of("target:x86_64_v3", develop).with("%gcc", null);
    Selection oldZlib =
        Selection.of(null, SpecFilter.of(SpecField.TAG, "v0.23.0")).with("zlib@1.2:1.3", null);
    Selection llvmByFilter =
        Selection.of(null, SpecFilter.of(SpecField.COMPILER_NAME, "llvm")).with("%clang", null);

    assertEquals(hashes("zlibaaaa", "hdf5deva"), found(view, gccOnV3));
    assertEquals(
        hashes("zlibbbba", "zlibbbbb", "zlibbbbc", "zlibbbbd", "zlibbbbe"), found(view, oldZlib));
    assertEquals(hashes("zlibaaac", "hdf5devc"), found(view, llvmByFilter));
  }

  @Test
  void facetCountsCountOnlyTheSpecsTheSpecSelects() {
    List<FacetCounts> zlibCompilers =
        view.facets(new FacetRequest(spec("zlib"), List.of(SpecField.COMPILER), 20, null));
    List<FacetCounts> gccVersions =
        view.facets(new FacetRequest(spec("%gcc"), List.of(SpecField.VERSION), 20, null));

    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.COMPILER,
                List.of(
                    new ValueCount("gcc@11.4.0", 3),
                    new ValueCount("apple-clang@16.0.0", 2),
                    new ValueCount("gcc@13.2.0", 2),
                    new ValueCount("clang@17.0.1", 1),
                    new ValueCount("llvm@18.1.3", 1),
                    new ValueCount("none", 1),
                    new ValueCount("oneapi@2024.2.1", 1)),
                0)),
        zlibCompilers);
    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.VERSION,
                List.of(
                    new ValueCount("1.14.5", 4),
                    new ValueCount("1.3.1", 3),
                    new ValueCount("3.0.0", 3),
                    new ValueCount("1.2", 1),
                    new ValueCount("1.2.13", 1),
                    new ValueCount("1.20", 1),
                    new ValueCount("main", 1)),
                0)),
        gccVersions);
  }

  @Test
  void aFacetIgnoresItsOwnFilterButNeverTheSpec() {
    Selection sharedInDevelop =
        Selection.of(null, SpecFilter.of(SpecField.TAG, "develop")).with("+shared", null);

    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.TAG,
                List.of(new ValueCount("develop", 7), new ValueCount("v0.23.0", 5)),
                0)),
        view.facets(new FacetRequest(sharedInDevelop, List.of(SpecField.TAG), 20, null)));
  }

  @Test
  void packagesListOnlyThePackagesAndSpecsTheSpecSelects() {
    ResultPage<PackageSummary> rows =
        view.packages(new PackageRequest(spec("+shared"), 20, null, PackageOrder.NAME));

    assertEquals(
        List.of("openssl/develop/3", "openssl/v0.23.0/1", "zlib/develop/4", "zlib/v0.23.0/4"),
        rows.nodes().stream().map(p -> p.name() + "/" + p.tag() + "/" + p.numSpecs()).toList());
    assertEquals(4, rows.totalCount());
    assertEquals(
        new PackageSummary(
            "zlib",
            "develop",
            4,
            List.of("develop", "1.3.1", "1.3.1rc2", "1.2.13"),
            List.of("apple-clang@16.0.0", "gcc@13.2.0", "llvm@18.1.3", "oneapi@2024.2.1"),
            List.of("sonoma", "ubuntu22.04", "ubuntu24.04"),
            List.of("darwin", "linux"),
            List.of("icelake", "m1", "x86_64_v3", "zen4"),
            List.of("e4s", "e4s-oneapi", "ml-darwin-aarch64-mps", "root"),
            List.of(
                new StackCount("e4s", 2),
                new StackCount("e4s-oneapi", 1),
                new StackCount("ml-darwin-aarch64-mps", 1),
                new StackCount("root", 4)),
            List.of("v0.23.0")),
        rows.nodes().get(2));
  }

  /** A refusal: the whole message is {@code prefix + reason}, the prefix naming the column. */
  private record Refusal(String spec, Kind kind, int column, String reason) {
    String message() {
      return kind == Kind.QUERY_SYNTAX
          ? "spec syntax error at column " + column + ": " + reason
          : "spec at column " + column + ": " + reason;
    }
  }

  private static Refusal syntax(String spec, int column, String reason) {
    return new Refusal(spec, Kind.QUERY_SYNTAX, column, reason);
  }

  private static Refusal unsupported(String spec, int column, String reason) {
    return new Refusal(spec, Kind.UNSUPPORTED, column, reason);
  }

  private static final String GCC_ITSELF =
      "attributes of %gcc cannot be searched: in spec syntax what follows %gcc applies to gcc"
          + " itself; write the package's variants and architecture before %gcc";

  private static final List<Refusal> REFUSALS =
      List.of(
          syntax("zlib@", 6, "expected a version after '@'"),
          syntax("zlib %gcc@", 11, "expected a version after '@'"),
          syntax("zlib@1.2:1.4:", 13, "unexpected ':'"),
          syntax("zlib@1.2:,", 10, "unexpected ','"),
          syntax(
              "zlib@1.4:1.2",
              10,
              "expected a version not below '1.4' after ':', found '1.2' (1.4:1.2 is empty)"),
          syntax("zlib@1.2 @1.3", 10, "unexpected second version, a node takes one"),
          syntax("+", 2, "expected a variant name after '+'"),
          syntax("zlib ~~", 8, "expected a variant name after '~~'"),
          syntax("zlib %", 7, "expected a package name or node attributes after '%'"),
          syntax("zlib ^", 7, "expected a package name or node attributes after '^'"),
          syntax("zlib cflags=\"-O3", 17, "expected a closing \" for the quote at column 13"),
          syntax("zlib foo=", 10, "expected a value after 'foo='"),
          syntax("zlib target=", 13, "expected a value after 'target='"),
          syntax(
              "zlib target=zen3 target=zen2",
              25,
              "unexpected second target, the first is at column 13"),
          syntax("zlib openssl", 6, "expected a single spec, but got more"),
          syntax("zlib@1.2 foo", 10, "expected a single spec, but got more"),
          syntax("zlib ]", 6, "unexpected ']'"),
          syntax("zlib $", 6, "unexpected '$'"),
          syntax("zlib %[virtuals=c gcc", 19, "expected an edge attribute or ']'"),
          syntax(
              "zlib %[foo=bar] gcc",
              8, "expected an edge attribute deptypes, virtuals or when, not 'foo'"),
          syntax(
              "zlib ^[deptypes=bild] cmake",
              17,
              "expected dependency types build, link, run or test, not 'bild'"),
          syntax("/", 2, "expected a hash after '/'"),
          syntax("zlib/ZLIB", 6, "a hash is up to 32 characters of a-z and 2-7"),
          syntax("zlib platform==linux", 6, "'platform' cannot be propagated with '=='"),
          syntax("zlib ./spec.json", 6, "expected a spec, not the spec file './spec.json'"),
          unsupported(
              "zlib ^[deptypes=build] cmake",
              6,
              "edge attributes of ^cmake cannot be searched: only virtuals= can be searched"),
          unsupported(
              "zlib %go=gcc", 6, "go=gcc cannot be searched: only c, cxx and fortran compile"),
          unsupported(
              "zlib cflags=-O3",
              6,
              "compiler flags (cflags) cannot be searched: the data has none"),
          unsupported("zlib %gcc +shared", 11, GCC_ITSELF),
          unsupported("zlib %gcc@13 +shared", 14, GCC_ITSELF),
          unsupported("zlib %gcc cflags=-O3", 11, GCC_ITSELF),
          unsupported("zlib %gcc target=zen3", 18, GCC_ITSELF),
          unsupported("zlib %gcc/abc", 10, GCC_ITSELF),
          unsupported(
              "zlib target=x86_64:",
              13,
              "target ranges and lists cannot be searched: name one target, or use compatibleWith"
                  + " for every target a CPU runs"),
          unsupported(
              "zlib target=zen2,zen3",
              13,
              "target ranges and lists cannot be searched: name one target, or use compatibleWith"
                  + " for every target a CPU runs"),
          unsupported(
              "builtin.zlib",
              1,
              "namespaces cannot be searched: the data does not say which repository"),
          // The column of the node whose namespace it is: the parser keeps no column of its own
          // for a namespace.
          unsupported(
              "zlib namespace=builtin",
              1,
              "namespaces cannot be searched: the data does not say which repository"));

  @TestFactory
  Stream<DynamicTest> eachMalformedOrUnanswerableSpecIsRefusedAtItsColumn() {
    return REFUSALS.stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.spec() + " is refused at column " + r.column(),
                    () -> {
                      SearchException e = refusal(r.spec());
                      assertEquals(
                          List.of(r.kind(), r.column(), r.message()),
                          List.of(e.kind(), e.column(), e.getMessage()));
                    }));
  }

  private SearchException refusal(String spec) {
    return assertThrows(SearchException.class, () -> found(view, spec(spec)));
  }

  @Test
  void aConditionalCompilerEdgeIsRefusedNotSilentlyMadeUnconditional() {
    // zlib %[when=+mpi] gcc asks for gcc only where zlib is +mpi; ignoring the condition would
    // wrongly drop every non-gcc zlib.
    SearchException e = refusal("zlib %[when=+mpi] gcc");

    assertEquals(List.of(Kind.UNSUPPORTED, 6), List.of(e.kind(), e.column()));
  }

  @Test
  void aGitVersionIsValidSpackSyntaxTheIndexCannotAnswer() {
    SearchException e = refusal("zlib@git.main");

    assertEquals(List.of(Kind.UNSUPPORTED, 6), List.of(e.kind(), e.column()));
  }

  @Test
  void aVersionFollowedByAStrayDashIsRefusedAfterTheDash() {
    // Spack's VERSION token stops at "1.2" (it must end on a word boundary); the '-' then starts
    // a disabled variant whose name is missing at the end of the spec.
    SearchException e = refusal("zlib@1.2-");

    assertEquals(
        List.of(
            Kind.QUERY_SYNTAX,
            10,
            "spec syntax error at column 10: expected a variant name after '-'"),
        List.of(e.kind(), e.column(), e.getMessage()));
  }

  @Test
  void dependenciesMatchNoSpecOfAPageForPagesRecordNone() {
    for (String spec :
        List.of(
            "zlib ^openssl",
            "zlib %gcc ^openssl",
            "zlib %cmake",
            "zlib %mpi=openmpi",
            "^/zlibaaa")) {
      assertEquals(Set.of(), found(view, Selection.ALL.with(spec, null)), spec);
    }
  }

  @Test
  void aSpecOfMorePartsThanTheClauseLimitIsALimitNotAnInternalError() {
    // 1100 boolean variants of two characters, written together: 3304 characters, under the
    // length limit, over the 1024 clauses.
    String digits = "abcdefghijklmnopqrstuvwxyz0123456789";
    String spec =
        "zlib"
            + IntStream.range(0, 1100)
                .mapToObj(i -> "+" + digits.charAt(i / 36 % 36) + digits.charAt(i % 36))
                .collect(joining());
    SearchException e = refusal(spec);

    assertEquals(
        List.of(Kind.LIMIT, "the spec has more than 1024 parts; use fewer"),
        List.of(e.kind(), e.getMessage()));
  }

  @Test
  void aSpecLongerThanAQueryMayBeIsALimit() {
    String spec = "zlib" + " +shared".repeat(600);
    SearchException e = refusal(spec);

    assertEquals(
        List.of(Kind.LIMIT, "spec is 4804 characters long; at most 4096"),
        List.of(e.kind(), e.getMessage()));
  }

  @Test
  void theFixtureHoldsTwentyFiveDistinctSpecs() {
    assertEquals(hashes(ALL), found(view, Selection.ALL));
    assertEquals(25, Arrays.stream(ALL).distinct().count());
  }
}
