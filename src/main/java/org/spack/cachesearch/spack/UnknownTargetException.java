package org.spack.cachesearch.spack;

import java.util.List;

/** A CPU name that archspec's table does not know, with the closest known names to suggest. */
public final class UnknownTargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> suggestions;

  UnknownTargetException(String name, List<String> suggestions) {
    super(message(name, suggestions));
    this.name = name;
    this.suggestions = List.copyOf(suggestions);
  }

  /** The name as given. */
  public String name() {
    return name;
  }

  /** Known names close to {@link #name()}, closest first; empty when none is close. */
  public List<String> suggestions() {
    return suggestions;
  }

  private static String message(String name, List<String> suggestions) {
    String unknown = "unknown CPU '" + name + "'";
    return suggestions.isEmpty()
        ? unknown
        : unknown + "; did you mean " + String.join(", ", suggestions) + "?";
  }
}
