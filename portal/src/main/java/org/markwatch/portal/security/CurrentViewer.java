package org.markwatch.portal.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link Viewer}: the signed-in user with roles and jurisdiction. A
 * user whose principal carries no province ({@link PortalPrincipal}) is national.
 */
@Component
public class CurrentViewer implements HandlerMethodArgumentResolver {
  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Viewer.class;
  }

  @Override
  public Viewer resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  public static Viewer of(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("no signed-in user");
    }
    Set<String> roles =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> a.substring(5))
            .collect(Collectors.toSet());
    String province = auth.getPrincipal() instanceof PortalPrincipal p ? p.provinceCode() : null;
    return new Viewer(auth.getName(), roles, new Jurisdiction(auth.getName(), province));
  }
}
