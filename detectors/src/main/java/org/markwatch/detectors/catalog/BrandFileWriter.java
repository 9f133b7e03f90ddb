package org.markwatch.detectors.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes brands as a catalog file of {@code conf/brands/} (the inverse of {@link
 * BrandCatalogReader}).
 */
public final class BrandFileWriter {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .changeDefaultPropertyInclusion(
              i ->
                  JsonInclude.Value.construct(
                      JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
          .build();

  private BrandFileWriter() {}

  public static String toYaml(String catalog, boolean fuzzy, List<Brand> brands) {
    return YAML.writeValueAsString(new BrandFile(catalog, fuzzy, brands, null, null, null));
  }
}
