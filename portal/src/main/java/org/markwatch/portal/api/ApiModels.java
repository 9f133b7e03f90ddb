package org.markwatch.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.markwatch.storage.cases.CaseAction;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.Violator;
import org.markwatch.storage.feed.ListingSummary;
import org.markwatch.storage.tips.Tip;

/**
 * What the API sends and receives: its own records, so the published contract does not follow every
 * change of storage's rows. Absent values are left out (never {@code null}).
 */
final class ApiModels {
  private ApiModels() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Violator", description = "A confirmed violator (seller sanctioned by a decision)")
  record ApiViolator(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sellerId,
      String sellerName,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "number of the sanction decision")
          String decisionRef,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String legalBasis,
      String caseId,
      String provinceCode,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant confirmedAt,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean published,
      Instant publishedAt,
      Instant appealFiledAt,
      Instant appealDecidedAt,
      Instant removalDueAt,
      Instant removedAt) {
    static ApiViolator of(Violator v) {
      return new ApiViolator(
          v.sellerId(),
          v.sellerName(),
          v.decisionRef(),
          v.legalBasis(),
          v.caseId(),
          v.provinceCode(),
          v.confirmedAt(),
          v.published(),
          v.publishedAt(),
          v.appealFiledAt(),
          v.appealDecidedAt(),
          v.removalDueAt(),
          v.removedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "CaseAction")
  record ApiCaseAction(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"takedown_request", "referral", "fine"})
          String kind,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String target,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String status,
      String referenceNo,
      BigDecimal amountVnd,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
      Instant sentAt,
      Instant dueAt,
      Instant closedAt) {
    static ApiCaseAction of(CaseAction a) {
      return new ApiCaseAction(
          a.kind(),
          a.target(),
          a.status(),
          a.referenceNo(),
          a.amountVnd(),
          a.createdAt(),
          a.sentAt(),
          a.dueAt(),
          a.closedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Case")
  record ApiCase(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"open", "referred", "closed"})
          String status,
      String provinceCode,
      String agencyCode,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt,
      Instant closedAt,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> listingIds,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> sellerIds,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApiCaseAction> actions) {
    static ApiCase of(CaseRecord c) {
      return new ApiCase(
          c.id(),
          c.title(),
          c.status(),
          c.provinceCode(),
          c.agencyCode(),
          c.createdAt(),
          c.updatedAt(),
          c.closedAt(),
          c.listingIds(),
          c.sellerIds(),
          c.actions().stream().map(ApiCaseAction::of).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Listing")
  record ApiListing(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String platform,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url,
      String title,
      BigDecimal priceAmount,
      String priceCurrency,
      String sellerId,
      String sellerName,
      String provinceCode,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant observedAt,
      Double score,
      Boolean flagged,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> violations,
      @Schema(
              description =
                  "analysts' review state: new, in_review, confirmed, dismissed, escalated, actioned")
          String reviewState) {
    static ApiListing of(ListingSummary l) {
      return new ApiListing(
          l.id(),
          l.platform(),
          l.url(),
          l.title(),
          l.priceAmount(),
          l.priceCurrency(),
          l.sellerId(),
          l.sellerName(),
          l.provinceCode(),
          l.observedAt(),
          l.score(),
          l.flagged(),
          l.violations(),
          l.reviewState());
    }
  }

  @Schema(name = "ViolatorPage")
  record ViolatorPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApiViolator> items,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "pass as ?since= to read what changed after this page")
          String nextCursor,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "whether another page follows now")
          boolean more) {}

  @Schema(name = "CasePage")
  record CasePage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApiCase> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String nextCursor,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean more) {}

  @Schema(name = "ListingPage")
  record ListingPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApiListing> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String nextCursor,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean more) {}

  @Schema(name = "NewTip", description = "A tip an agency passes on (e.g. from its hotline)")
  record NewTipRequest(
      @Schema(
              allowableValues = {"tip", "complaint"},
              defaultValue = "tip")
          String kind,
      @Schema(description = "the listing or shop, http(s)", maxLength = 2048) String url,
      @Schema(maxLength = 300) String shopName,
      @Schema(maxLength = 64) String phone,
      @Schema(maxLength = 8000) String description) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "TipStatus")
  record TipStatus(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String trackingCode,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"received", "queued", "checked", "unreadable", "no_url"})
          String status,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant receivedAt,
      Instant processedAt,
      String listingId) {
    static TipStatus of(Tip t) {
      return new TipStatus(
          t.trackingCode(), t.status(), t.receivedAt(), t.processedAt(), t.listingId());
    }
  }
}
