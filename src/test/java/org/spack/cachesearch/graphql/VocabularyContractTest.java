package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spack.cachesearch.index.SpecField;

/**
 * The hand-written contract ({@code schema.graphqls}) and the README agree with the one field
 * vocabulary: a field added to one and not the other fails here.
 */
class VocabularyContractTest {
  private static final TypeDefinitionRegistry SDL = new SchemaParser().parse(SpackApi.schemaText());

  @Test
  void theSpecFilterInputsAreTheVocabularysFilterNamesInOrder() {
    List<String> sdl =
        SDL
            .getType("SpecFilter", InputObjectTypeDefinition.class)
            .orElseThrow()
            .getInputValueDefinitions()
            .stream()
            .map(InputValueDefinition::getName)
            .toList();

    assertEquals(Stream.of(SpecField.values()).flatMap(f -> f.filterName().stream()).toList(), sdl);
    assertEquals(
        List.of(
            "package",
            "tag",
            "compiler",
            "compilerName",
            "version",
            "os",
            "platform",
            "target",
            "stack",
            "variant",
            "dependency",
            "virtual"),
        sdl);
  }

  @Test
  void theFacetFieldValuesAreTheVocabularysFacetsInOrder() {
    List<String> sdl =
        SDL
            .getType("FacetField", EnumTypeDefinition.class)
            .orElseThrow()
            .getEnumValueDefinitions()
            .stream()
            .map(EnumValueDefinition::getName)
            .toList();

    assertEquals(SpecField.facets().stream().map(SpecField::name).toList(), sdl);
  }

  @Test
  void theReadmesFieldTableListsEveryIndexFieldInOrder() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("## Index fields"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| field |")));
    Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table);
    List<String> fields = row.results().map(m -> m.group(1)).toList();

    assertEquals(Stream.of(SpecField.values()).map(SpecField::indexField).toList(), fields);
  }
}
