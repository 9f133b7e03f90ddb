package org.markwatch.portal.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class ViewerWebConfig implements WebMvcConfigurer {
  private final CurrentViewer viewer;

  ViewerWebConfig(CurrentViewer viewer) {
    this.viewer = viewer;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(viewer);
  }
}
