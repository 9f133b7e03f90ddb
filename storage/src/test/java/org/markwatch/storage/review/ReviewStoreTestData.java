package org.markwatch.storage.review;

import org.markwatch.storage.Database;

/** The review tests' seed data, for other packages' tests. */
public final class ReviewStoreTestData {
  private ReviewStoreTestData() {}

  /**
   * Flagged listings of a Hà Nội seller (shopee:hn1, :hn2) and a Bình Dương seller (shopee:sg1);
   * users lan, minh, chief.
   */
  public static void seed(Database db) {
    ReviewStoreTest.seed(db);
  }
}
