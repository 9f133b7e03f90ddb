package org.markwatch.storage.jurisdiction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.markwatch.storage.ProvinceNames;
import org.markwatch.storage.StorageException;

/** The provinces and the names addresses use for them (tables provinces, province_names). */
public final class ProvinceDirectory {
  private final DataSource dataSource;

  public ProvinceDirectory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The 34 provinces, by name, each with the pre-2025 provinces merged into it. */
  public List<Province> list() {
    String sql =
        """
        SELECT p.code, p.name, p.kind, n.name
        FROM provinces p LEFT JOIN province_names n ON n.province_code = p.code AND n.era = 'pre-2025'
        ORDER BY p.code, n.name
        """;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      Map<String, String[]> heads = new LinkedHashMap<>();
      Map<String, List<String>> former = new LinkedHashMap<>();
      while (rs.next()) {
        String code = rs.getString(1);
        heads.putIfAbsent(code, new String[] {rs.getString(2), rs.getString(3)});
        List<String> names = former.computeIfAbsent(code, k -> new ArrayList<>());
        if (rs.getString(4) != null) {
          names.add(rs.getString(4));
        }
      }
      List<Province> out = new ArrayList<>();
      heads.forEach((code, h) -> out.add(new Province(code, h[0], h[1], former.get(code))));
      out.sort(
          java.util.Comparator.comparing(
              Province::name,
              java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))));
      return out;
    } catch (SQLException e) {
      throw new StorageException("cannot read the provinces: " + e.getMessage(), e);
    }
  }

  public Optional<Province> find(String code) {
    return list().stream().filter(p -> p.code().equals(code)).findFirst();
  }

  /** The province code of an address's province as written ("Bình Dương" gives ho-chi-minh). */
  public Optional<String> resolve(String province, String address) {
    try (Connection c = dataSource.getConnection()) {
      return ProvinceNames.load(c).resolve(province, address);
    } catch (SQLException e) {
      throw new StorageException("cannot read the province names: " + e.getMessage(), e);
    }
  }
}
