package org.markwatch.storage.sharing;

/**
 * What an import did: per kind of record, how many were new, updated or already there unchanged.
 */
public record ImportResult(int added, int updated, int unchanged, String sha256, long auditSeq) {
  public int records() {
    return added + updated + unchanged;
  }
}
