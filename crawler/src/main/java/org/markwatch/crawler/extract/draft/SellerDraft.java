package org.markwatch.crawler.extract.draft;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The seller part of a {@link Draft}. */
public final class SellerDraft {
  public final Field<String> nativeId = new Field<>("seller.id");
  public final Field<String> name = new Field<>("seller.name");
  public final Field<String> url = new Field<>("seller.url");
  public final Field<String> address = new Field<>("seller.address");
  public final Field<String> province = new Field<>("seller.province");
  public final Field<String> taxCode = new Field<>("seller.taxCode");
  public final Field<String> businessRegistration = new Field<>("seller.businessRegistration");
  public final Field<Boolean> verified = new Field<>("seller.verified");
  public final Field<Double> rating = new Field<>("seller.rating");
  public final Field<Long> followers = new Field<>("seller.followers");
  public final Field<String> joinedAt = new Field<>("seller.joinedAt");
  public final Field<Long> listingsCount = new Field<>("seller.listingsCount");
  public final Set<String> zalo = new LinkedHashSet<>();
  public final Set<String> phones = new LinkedHashSet<>();
  public final Set<String> emails = new LinkedHashSet<>();

  List<Field<?>> fields() {
    return List.of(
        nativeId,
        name,
        url,
        address,
        province,
        taxCode,
        businessRegistration,
        verified,
        rating,
        followers,
        joinedAt,
        listingsCount);
  }

  public boolean isEmpty() {
    return fields().stream().noneMatch(Field::isSet) && phones.isEmpty() && emails.isEmpty();
  }
}
