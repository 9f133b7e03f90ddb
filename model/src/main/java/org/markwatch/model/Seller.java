package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Who sells a listing, with the business information Decree 52/2013 (as amended by Decree 85/2021)
 * requires a seller to show. Every field may be null: a missing field is itself a finding.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Seller(
    String id,
    String name,
    String url,
    List<String> phones,
    List<String> emails,
    String address,
    String province,
    String businessRegistration,
    String taxCode,
    Boolean verified,
    String joinedAt,
    Double rating,
    Long followers,
    Long listingsCount,
    List<String> zalo) {

  /** A seller without Zalo contacts (the fields before Zalo was added). */
  public Seller(
      String id,
      String name,
      String url,
      List<String> phones,
      List<String> emails,
      String address,
      String province,
      String businessRegistration,
      String taxCode,
      Boolean verified,
      String joinedAt,
      Double rating,
      Long followers,
      Long listingsCount) {
    this(
        id,
        name,
        url,
        phones,
        emails,
        address,
        province,
        businessRegistration,
        taxCode,
        verified,
        joinedAt,
        rating,
        followers,
        listingsCount,
        null);
  }

  public static Seller named(String id, String name) {
    return new Seller(
        id, name, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public Seller withUrl(String newUrl) {
    return new Seller(
        id,
        name,
        newUrl,
        phones,
        emails,
        address,
        province,
        businessRegistration,
        taxCode,
        verified,
        joinedAt,
        rating,
        followers,
        listingsCount,
        zalo);
  }
}
