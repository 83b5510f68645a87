package io.audience.contact.imports.web;

import io.audience.contact.imports.ContactImports;
import io.audience.transfer.Spool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first line and first rows of an uploaded file, and a first guess of each column's meaning
 * for the mapping form: the vendor's own name, a custom field's name or label, or a few common
 * spellings ("E-mail address", "First name"); anything else is skipped until the person chooses.
 */
final class CsvPreview {

    static final int ROWS = 10;

    private static final Map<String, String> SPELLINGS = Map.of(
            "e_mail", "email",
            "email_address", "email",
            "e_mail_address", "email",
            "mail", "email",
            "firstname", "first_name",
            "lastname", "last_name",
            "surname", "last_name",
            "company", "company_name",
            "title", "job_title",
            "postal_code", "zip");

    record Head(List<String> headers, List<List<String>> rows) {}

    private CsvPreview() {}

    static Head read(Spool.File file) throws IOException {
        try (CSVParser csv = CsvRows.parse(file)) {
            List<List<String>> rows = new ArrayList<>();
            Iterator<CSVRecord> records = csv.iterator();
            while (rows.size() < ROWS && records.hasNext()) {
                rows.add(records.next().stream().map(CsvRows::strip).toList());
            }
            return new Head(List.copyOf(csv.getHeaderNames()), rows);
        }
    }

    /**
     * What the column is most likely: {@code targets} holds the vendor's columns and the custom
     * fields by their {@code cf:} name; {@code labels} maps a custom field's lower-case label to it.
     */
    static String guess(String header, Set<String> targets, Map<String, String> labels) {
        String column = CsvRows.column(header);
        if (targets.contains(column)) {
            return column;
        }
        String words = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        words = words.replaceAll("^_+|_+$", "");
        String spelled = SPELLINGS.getOrDefault(words, words);
        if (ContactImports.columns().contains(spelled)) {
            return spelled;
        }
        String field = labels.get(header.strip().toLowerCase(Locale.ROOT));
        if (field != null) {
            return field;
        }
        return targets.contains("cf:" + words) ? "cf:" + words : "";
    }
}
