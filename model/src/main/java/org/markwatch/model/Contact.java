package org.markwatch.model;

/**
 * A contact point found in a listing: how a buyer is moved off the platform. {@code type} is one of
 * phone, zalo, bank_account, email, url, telegram, other.
 */
public record Contact(String type, String value) {}
