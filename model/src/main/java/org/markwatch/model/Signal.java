package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason behind a verdict: the rule that fired, its weight, the violation it points to, the
 * listing field and the evidence (matched text or measured value).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Signal(String rule, double weight, String violation, String field, String evidence) {}
