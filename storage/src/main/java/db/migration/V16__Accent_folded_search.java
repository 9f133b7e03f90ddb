package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Accent-insensitive search over listing titles and ids, seller names and ids and seller phones. A
 * Java migration because the two databases fold differently, while the column and the query stay
 * the same: {@code listings.search_folded} and {@code sellers.search_folded} hold the folded text
 * ({@link org.markwatch.storage.SearchFold}) and are computed by the database on every write, so no
 * writer has to know about them.
 *
 * <ul>
 *   <li>PostgreSQL: {@code unaccent} in an immutable wrapper (an extension function is only stable,
 *       and a generated column needs an immutable one) and a {@code pg_trgm} GIN index, which
 *       serves {@code LIKE '%text%'}. Creating the two extensions needs a superuser or the database
 *       owner with them trusted; both ship with PostgreSQL.
 *   <li>H2: the same folding as an SQL alias of {@link org.markwatch.storage.SearchFold#fold}.
 * </ul>
 *
 * <p>Seller phones are folded to digits only, so {@code 0912 345 678} is found by {@code
 * 0912345678}.
 */
public class V16__Accent_folded_search extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres = Dialect.isPostgres(context);
    try (Statement st = context.getConnection().createStatement()) {
      if (postgres) {
        st.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
        st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        st.execute(
            """
            CREATE OR REPLACE FUNCTION markwatch_fold(t text) RETURNS text
              LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
              AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary,
                     normalize(t, NFC))), '\\s+', ' ', 'g')) $$""");
        st.execute(
            "ALTER TABLE listings ADD COLUMN search_folded TEXT GENERATED ALWAYS AS "
                + "(markwatch_fold(COALESCE(title, '') || ' ' || id)) STORED");
        st.execute(
            "ALTER TABLE sellers ADD COLUMN search_folded TEXT GENERATED ALWAYS AS "
                + "(markwatch_fold(COALESCE(name, '') || ' ' || id || ' '"
                + " || regexp_replace(COALESCE(phones, ''), '[^0-9,]', '', 'g'))) STORED");
        st.execute(
            "CREATE INDEX listings_search_trgm ON listings USING gin (search_folded gin_trgm_ops)");
        st.execute(
            "CREATE INDEX sellers_search_trgm ON sellers USING gin (search_folded gin_trgm_ops)");
      } else {
        st.execute(
            "CREATE ALIAS IF NOT EXISTS markwatch_fold DETERMINISTIC FOR"
                + " 'org.markwatch.storage.SearchFold.fold'");
        st.execute(
            "ALTER TABLE listings ADD COLUMN search_folded VARCHAR(4000) GENERATED ALWAYS AS "
                + "(markwatch_fold(COALESCE(title, '') || ' ' || id))");
        st.execute(
            "ALTER TABLE sellers ADD COLUMN search_folded VARCHAR(4000) GENERATED ALWAYS AS "
                + "(markwatch_fold(COALESCE(name, '') || ' ' || id || ' '"
                + " || REGEXP_REPLACE(COALESCE(phones, ''), '[^0-9,]', '', 'g')))");
        st.execute("CREATE INDEX sellers_search_folded ON sellers (search_folded)");
      }
    }
  }
}
