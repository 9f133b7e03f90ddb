package org.markwatch.storage.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.markwatch.model.JsonCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The CSV form of {@code markwatch.share/1}, for spreadsheets and read back by {@code db import}: a
 * header naming the union of the records' fields, one row per record and the end record last; lists
 * of ids space-separated, lists of objects (a case's actions and bank accounts) as JSON; an empty
 * cell is no value. Reading turns each row back into the JSON object its JSON line would be, with
 * the row's line number, so both forms go through the same checks.
 */
final class ShareCsv {
  private static final Set<String> NUMBERS = Set.of("seq", "cursor", "records", "score");
  private static final Set<String> BOOLEANS = Set.of("published");
  private static final Set<String> ID_LISTS = Set.of("listingIds", "sellerIds", "evidenceRefs");
  private static final Set<String> OBJECT_LISTS = Set.of("actions", "bankAccounts");

  private ShareCsv() {}

  static void write(Writer w, List<Map<String, Object>> records) throws IOException {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> r : records) {
      for (String key : r.keySet()) {
        if (!columns.contains(key)) {
          columns.add(key);
        }
      }
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    StringWriter buffer = new StringWriter(); // the CSV writer closes its target when done
    try (SequenceWriter out =
        new CsvMapper().writerFor(Map.class).with(schema.build()).writeValues(buffer)) {
      for (Map<String, Object> r : records) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (String col : columns) {
          Object v = r.get(col);
          if (OBJECT_LISTS.contains(col) && v instanceof List<?> list) {
            v = list.isEmpty() ? null : JsonCodec.mapper().writeValueAsString(list);
          } else if (v instanceof List<?> list) {
            v = String.join(" ", list.stream().map(String::valueOf).toList());
          }
          flat.put(col, v);
        }
        out.write(flat);
      }
    }
    w.write(buffer.toString());
  }

  /**
   * Reads the rows after the header into {@code out} as JSON objects with their line numbers;
   * returns the number of the last line read.
   */
  static int read(String file, InputStream in, Consumer<Importer.Line> out) throws IOException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
            .toString();
    CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
    String[] header = null;
    int lastLine = 0;
    for (Row r : rows(text)) {
      lastLine = r.lastLine();
      if (r.text().isBlank()) {
        continue;
      }
      String[] row;
      try {
        try (tools.jackson.databind.MappingIterator<String[]> cells =
            csv.readerFor(String[].class).readValues(r.text())) {
          row = cells.hasNextValue() ? cells.nextValue() : new String[0];
        }
      } catch (JacksonException e) {
        throw new ImportException(
            file + ":" + r.line() + ": not valid CSV: " + e.getOriginalMessage());
      }
      if (header == null) {
        header = row;
        if (header.length < 2 || !"schema".equals(strip(header[0])) || !"type".equals(header[1])) {
          throw new ImportException(
              file
                  + ":"
                  + r.line()
                  + ": not a markwatch.share/1 file (JSON lines start with '{', the CSV with the"
                  + " header schema,type,...)");
        }
        continue;
      }
      if (row.length > header.length) {
        throw new ImportException(
            file
                + ":"
                + r.line()
                + ": "
                + row.length
                + " cells, the header names "
                + header.length);
      }
      out.accept(new Importer.Line(r.line(), record(file, r.line(), header, row)));
    }
    return lastLine;
  }

  /** One CSV record's text and the lines it spans (a quoted cell may hold line breaks). */
  private record Row(String text, int line, int lastLine) {}

  /**
   * Splits the text into records at line breaks outside quotes, so every record keeps the line it
   * starts on (the CSV parser counts records, not lines); each record is then parsed alone.
   */
  private static List<Row> rows(String text) {
    List<Row> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    int line = 1;
    int startLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted; // a doubled quote inside a quoted cell toggles twice
      } else if (ch == '\n') {
        if (!quoted) {
          out.add(new Row(text.substring(start, i).stripTrailing(), startLine, line));
          start = i + 1;
          startLine = line + 1;
        }
        line++;
      }
    }
    if (start < text.length()) {
      out.add(new Row(text.substring(start), startLine, line));
    }
    return out;
  }

  private static ObjectNode record(String file, int line, String[] header, String[] row) {
    ObjectNode node = JsonCodec.mapper().createObjectNode();
    for (int i = 0; i < row.length; i++) {
      String column = i == 0 ? strip(header[i]) : header[i];
      String cell = row[i];
      if (cell == null || cell.isEmpty()) {
        continue;
      }
      String where = file + ":" + line + ": " + column + ": ";
      if (NUMBERS.contains(column)) {
        try {
          node.put(column, new BigDecimal(cell.strip()));
        } catch (NumberFormatException e) {
          throw new ImportException(where + "not a number: \"" + cell + "\"");
        }
      } else if (BOOLEANS.contains(column)) {
        if (!cell.equals("true") && !cell.equals("false")) {
          throw new ImportException(where + "not true or false: \"" + cell + "\"");
        }
        node.put(column, Boolean.parseBoolean(cell));
      } else if (ID_LISTS.contains(column)) {
        ArrayNode list = node.putArray(column);
        for (String id : cell.strip().split("\\s+")) {
          list.add(id);
        }
      } else if (OBJECT_LISTS.contains(column)) {
        JsonNode value;
        try {
          value = JsonCodec.mapper().readTree(cell);
        } catch (JacksonException e) {
          throw new ImportException(where + "not valid JSON: " + e.getOriginalMessage());
        }
        if (!value.isArray()) {
          throw new ImportException(where + "expected a JSON list");
        }
        node.set(column, value);
      } else {
        node.put(column, cell);
      }
    }
    return node;
  }

  private static boolean isBlank(String[] row) {
    for (String cell : row) {
      if (cell != null && !cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A byte-order mark a spreadsheet may put before the first column's name. */
  private static String strip(String first) {
    return first.startsWith("\uFEFF") ? first.substring(1) : first;
  }
}
