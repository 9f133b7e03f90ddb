package org.markwatch.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

/**
 * Service levels in the portal: the queue shows each listing's due time, marks and filters the
 * overdue ones, and the team view counts them per assignee.
 */
class ServiceLevelPageTest extends PortalTestSupport {

  @Test
  void theQueueShowsAndFiltersOverdueListingsAndTheTeamViewCountsThem() throws Exception {
    Client c = new Client().signedIn("boss");
    // the fixtures were observed in November 2026; new listings are due 8 or 48 hours later
    String overdue = c.get("/queue?state=overdue").body();
    java.util.List<String> late =
        column(
            "SELECT listing_id FROM reviews WHERE due_at < CURRENT_TIMESTAMP"
                + " AND state IN ('new', 'in_review', 'escalated', 'confirmed')");
    assertThat(late).isNotEmpty();
    for (String id : late) {
      assertThat(linksTo(overdue, id)).as(id).isTrue();
    }
    assertThat(overdue).contains("quá hạn");
    for (String id :
        column(
            "SELECT listing_id FROM reviews WHERE due_at IS NULL OR due_at > CURRENT_TIMESTAMP")) {
      assertThat(linksTo(overdue, id)).as(id).isFalse();
    }
    assertThat(column("SELECT COUNT(*) FROM reviews WHERE due_at IS NULL AND state = 'new'"))
        .containsExactly("0");
    // a clean listing is not in the queue at all, overdue or not
    assertThat(overdue).doesNotContain("Áo thun trơn cotton");
    assertThat(c.get("/team").body()).contains("Quá hạn");
  }

  private static boolean linksTo(String page, String listingId) {
    return page.contains("/listing?id=" + listingId + "\"")
        || page.contains("/listing?id=" + listingId.replace(":", "%3A") + "\"");
  }
}
