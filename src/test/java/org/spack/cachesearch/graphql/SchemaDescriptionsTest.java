package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GraphiQL shows descriptions: every type, field, argument and enum value of ours has one. */
class SchemaDescriptionsTest {

  @Test
  void everyTypeFieldArgumentAndEnumValueIsDescribed() {
    GraphQLSchema schema = SpackApi.schema();
    List<String> missing = new ArrayList<>();
    for (GraphQLNamedType type : schema.getAllTypesAsList()) {
      if (type.getName().startsWith("__") || isBuiltIn(type.getName())) {
        continue;
      }
      check(missing, type.getName(), type.getDescription());
      if (type instanceof GraphQLObjectType object) {
        for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
          String where = type.getName() + "." + field.getName();
          check(missing, where, field.getDescription());
          for (GraphQLArgument arg : field.getArguments()) {
            check(missing, where + "(" + arg.getName() + ")", arg.getDescription());
          }
        }
      }
      if (type instanceof GraphQLInputObjectType input) {
        for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
          check(missing, type.getName() + "." + field.getName(), field.getDescription());
        }
      }
      if (type instanceof GraphQLEnumType e) {
        for (GraphQLEnumValueDefinition value : e.getValues()) {
          check(missing, type.getName() + "." + value.getName(), value.getDescription());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theExecutableSchemaHasTheContractsRootFields() {
    List<String> roots =
        SpackApi.schema().getQueryType().getFieldDefinitions().stream()
            .map(GraphQLFieldDefinition::getName)
            .toList();
    assertEquals(
        List.of(
            "package",
            "packages",
            "spec",
            "search",
            "facets",
            "explain",
            "tags",
            "microarchitectures",
            "stats"),
        roots);
  }

  private static boolean isBuiltIn(String name) {
    return List.of("String", "Int", "Float", "Boolean", "ID").contains(name);
  }

  private static void check(List<String> missing, String where, String description) {
    if (description == null || description.isBlank()) {
      missing.add(where);
    }
  }
}
