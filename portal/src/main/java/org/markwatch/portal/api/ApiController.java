package org.markwatch.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.markwatch.portal.api.ApiModels.ApiCase;
import org.markwatch.portal.api.ApiModels.ApiListing;
import org.markwatch.portal.api.ApiModels.ApiViolator;
import org.markwatch.portal.api.ApiModels.CasePage;
import org.markwatch.portal.api.ApiModels.ListingPage;
import org.markwatch.portal.api.ApiModels.NewTipRequest;
import org.markwatch.portal.api.ApiModels.TipStatus;
import org.markwatch.portal.api.ApiModels.ViolatorPage;
import org.markwatch.storage.feed.ApiFeed;
import org.markwatch.storage.feed.FeedPage;
import org.markwatch.storage.tips.NewTip;
import org.markwatch.storage.tips.Tip;
import org.markwatch.storage.tips.TipStore;
import org.markwatch.storage.users.ApiClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agencies' API, version 1: confirmed violators, cases and listings read incrementally (keyset
 * cursors), tips pushed in. Every read is cut to the client's jurisdiction (a provincial client
 * sees its province only).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "bearer")
class ApiController {
  private final ApiFeed feed;
  private final TipStore tips;

  ApiController(ApiFeed feed, TipStore tips) {
    this.feed = feed;
    this.tips = tips;
  }

  @GetMapping("/violators")
  @Tag(name = "violators")
  @Operation(
      summary = "Confirmed violators changed after the cursor (scope violators:read)",
      description = "Oldest change first. Keep nextCursor and pass it as since next time.")
  ViolatorPage violators(
      @Parameter(description = "cursor from a previous page; absent = from the beginning")
          @RequestParam(required = false)
          String since,
      @Parameter(description = "page size, 1 to 500") @RequestParam(defaultValue = "100") int limit,
      @AuthenticationPrincipal ApiClient client) {
    FeedPage<org.markwatch.storage.cases.Violator> page =
        feed.violators(client.jurisdiction(), since, limit);
    List<ApiViolator> items = page.items().stream().map(ApiViolator::of).toList();
    return new ViolatorPage(items, page.nextCursor(), page.more());
  }

  @GetMapping("/cases")
  @Tag(name = "cases")
  @Operation(summary = "Cases changed after the cursor (scope cases:read)")
  CasePage cases(
      @RequestParam(required = false) String since,
      @RequestParam(defaultValue = "100") int limit,
      @AuthenticationPrincipal ApiClient client) {
    var page = feed.cases(client.jurisdiction(), since, limit);
    return new CasePage(
        page.items().stream().map(ApiCase::of).toList(), page.nextCursor(), page.more());
  }

  @GetMapping("/listings")
  @Tag(name = "listings")
  @Operation(
      summary = "Listings observed after the cursor, with their verdicts (scope listings:read)")
  ListingPage listings(
      @RequestParam(required = false) String since,
      @RequestParam(defaultValue = "100") int limit,
      @AuthenticationPrincipal ApiClient client) {
    var page = feed.listings(client.jurisdiction(), since, limit);
    return new ListingPage(
        page.items().stream().map(ApiListing::of).toList(), page.nextCursor(), page.more());
  }

  @PostMapping(path = "/tips", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Tag(name = "tips")
  @Operation(
      summary = "Pass on a tip (scope tips:write)",
      description = "Its URL is fetched, scored and put in the analysts' queue within minutes.")
  ResponseEntity<TipStatus> tip(
      @RequestBody NewTipRequest request, @AuthenticationPrincipal ApiClient client) {
    Tip tip =
        tips.submit(
            new NewTip(
                request.kind() == null ? "tip" : request.kind(),
                request.url(),
                request.shopName(),
                request.phone(),
                request.description(),
                null,
                "api:" + client.id(),
                List.of()));
    return ResponseEntity.created(URI.create("/api/v1/tips/" + tip.trackingCode()))
        .body(TipStatus.of(tip));
  }

  @GetMapping("/tips/{trackingCode}")
  @Tag(name = "tips")
  @Operation(summary = "What became of a tip this client sent (scope tips:write)")
  TipStatus tipStatus(
      @PathVariable String trackingCode, @AuthenticationPrincipal ApiClient client) {
    return tips.byTrackingCode(trackingCode)
        .filter(t -> t.source().equals("api:" + client.id()))
        .map(TipStatus::of)
        .orElseThrow(() -> new NotFound("no tip " + trackingCode + " from this client"));
  }

  /** A resource that does not exist (or is not this client's): 404 problem. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
