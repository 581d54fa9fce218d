package org.spack.cachesearch.graphql;

import graphql.GraphQLError;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.spack.cachesearch.search.SearchException;

/**
 * Checks a parsed document before graphql-java validates it, since validation compares fields
 * pairwise and a flood of aliases would cost it most: the caps on aliases and root fields, and the
 * directives graphql-java defines but this server does not implement, refused as unknown.
 */
final class DocumentLimits {
  /** Built into graphql-java's schemas, not into this API: neither is served by introspection. */
  static final Set<String> UNSUPPORTED_DIRECTIVES =
      Set.of("defer", "experimental_disableErrorPropagation");

  private final ApiLimits limits;

  DocumentLimits(ApiLimits limits) {
    this.limits = limits;
  }

  /** The errors that keep {@code document} from validation; empty when it may go on. */
  List<GraphQLError> check(Document document) {
    Walk walk = new Walk();
    document.getDefinitions().forEach(d -> walk.visit(d, new ArrayList<>()));
    if (walk.aliases > limits.maxAliases()) {
      return limit("query has " + walk.aliases + " aliases; the limit is " + limits.maxAliases());
    }
    long rootFields = new RootFields(document).most();
    if (rootFields > limits.maxRootFields()) {
      return limit(
          "query selects " + rootFields + " root fields; the limit is " + limits.maxRootFields());
    }
    return walk.unsupported;
  }

  private static List<GraphQLError> limit(String message) {
    return List.of(ErrorClassifier.requestError(SearchException.Kind.LIMIT, message));
  }

  /** One pass over every node: aliases counted, unsupported directives reported. */
  private static final class Walk {
    int aliases;
    final List<GraphQLError> unsupported = new ArrayList<>();

    /** {@code path} holds the names graphql-java's validation reports: fields and fragments. */
    void visit(Node<?> node, List<String> path) {
      String name = null;
      if (node instanceof Field field) {
        aliases += field.getAlias() == null ? 0 : 1;
        name = field.getName();
      } else if (node instanceof FragmentDefinition fragment) {
        name = fragment.getName();
      } else if (node instanceof Directive directive
          && UNSUPPORTED_DIRECTIVES.contains(directive.getName())) {
        unsupported.add(unknown(directive, path));
      }
      if (name != null) {
        path.add(name);
      }
      for (Node<?> child : node.getChildren()) {
        visit(child, path);
      }
      if (name != null) {
        path.remove(path.size() - 1);
      }
    }

    /** The error graphql-java gives a directive the schema does not define, word for word. */
    private static GraphQLError unknown(Directive directive, List<String> path) {
      String where = path.isEmpty() ? "" : "@[" + String.join("/", path) + "]";
      return ValidationError.newValidationError()
          .validationErrorType(ValidationErrorType.UnknownDirective)
          .sourceLocation(directive.getSourceLocation())
          .description(
              "Validation error (UnknownDirective"
                  + where
                  + ") : Unknown directive '"
                  + directive.getName()
                  + "'")
          .queryPath(path.isEmpty() ? null : List.copyOf(path))
          .build();
    }
  }

  /**
   * The root fields of each operation, fragments expanded: each fragment counted once (a cycle as
   * nothing, which validation reports), so fragments that spread each other many times cost no more
   * than their size; counts saturate rather than overflow.
   */
  private static final class RootFields {
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Long> counted = new HashMap<>();
    private final Document document;

    RootFields(Document document) {
      this.document = document;
      this.fragments =
          document.getDefinitionsOfType(FragmentDefinition.class).stream()
              .collect(
                  Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
    }

    /** The most root fields any operation of the document selects. */
    long most() {
      return document.getDefinitionsOfType(OperationDefinition.class).stream()
          .mapToLong(op -> fields(op.getSelectionSet()))
          .max()
          .orElse(0);
    }

    private long fields(SelectionSet set) {
      long n = 0;
      for (Selection<?> s : set.getSelections()) {
        if (s instanceof Field) {
          n++;
        } else if (s instanceof InlineFragment inline) {
          n += fields(inline.getSelectionSet());
        } else if (s instanceof FragmentSpread spread) {
          n += spread(spread.getName());
        }
        n = Math.min(n, Integer.MAX_VALUE);
      }
      return n;
    }

    private long spread(String name) {
      Long known = counted.get(name);
      if (known != null) {
        return known;
      }
      counted.put(name, 0L);
      FragmentDefinition fragment = fragments.get(name);
      long n = fragment == null ? 0 : fields(fragment.getSelectionSet());
      counted.put(name, n);
      return n;
    }
  }
}
