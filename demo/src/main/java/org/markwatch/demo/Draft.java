package org.markwatch.demo;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.markwatch.model.Violation;

/** The content of a listing while it is written, before it gets an id, a seller and a page. */
final class Draft {
  final DemoCase caseLabel;
  String title;
  final StringBuilder text = new StringBuilder();
  long price;
  Long listPrice;
  Category category;
  String brandClaimed;
  final Set<String> brandIds = new TreeSet<>();
  final Set<Violation> violations = EnumSet.noneOf(Violation.class);
  final Map<String, String> attributes = new LinkedHashMap<>();

  /** Extra lines a feed post needs (price already said in the text, contacts). */
  final List<DemoContact> contacts = new java.util.ArrayList<>();

  /** Set when only a compliant seller (or an official store of this brand) may sell it. */
  String officialBrandId;

  Draft(DemoCase caseLabel) {
    this.caseLabel = caseLabel;
  }

  Draft line(String line) {
    if (!text.isEmpty()) {
      text.append('\n');
    }
    text.append(line);
    return this;
  }

  Draft violation(Violation... vs) {
    violations.addAll(List.of(vs));
    return this;
  }

  Draft attr(String key, String value) {
    attributes.put(key, value);
    return this;
  }
}
