package org.markwatch.storage;

import java.util.List;

/**
 * Input a store refuses, with each problem tied to the form field it concerns, so a form can show
 * it beside the field in the reader's language (the {@code code} is stable, the message English for
 * the command line).
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param field the input's name, e.g. {@code gtin}
   * @param code what is wrong, e.g. {@code check_digit}
   * @param value the value concerned, or a detail the message needs (an expected digit), or null
   */
  public record Problem(String field, String code, String value) {}

  private final transient List<Problem> problems;

  public InvalidInputException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String message, String field, String code, String value) {
    this(message, List.of(new Problem(field, code, value)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
