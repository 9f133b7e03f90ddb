package org.markwatch.portal.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's model has {@code viewer}: the signed-in user, or null on the login and error pages.
 */
@ControllerAdvice
class ViewerAdvice {
  @ModelAttribute("viewer")
  Viewer viewer() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
        ? null
        : CurrentViewer.of(auth);
  }
}
