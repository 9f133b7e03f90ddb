package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Engagement counters as the platform shows them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metrics(Long sold, Long reviews, Long likes, Long comments, Long shares) {}
