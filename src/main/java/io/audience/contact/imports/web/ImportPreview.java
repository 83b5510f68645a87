package io.audience.contact.imports.web;

import java.util.List;
import java.util.UUID;

/**
 * The page between upload and start: the file's first rows, a choice of column for each of its
 * columns, and the account's lists.
 */
public record ImportPreview(
        UUID uploadId,
        String fileName,
        List<String> headers,
        List<List<String>> rows,
        List<Mapping> mapping,
        List<Target> targets,
        List<ListChoice> lists) {

    /** A column of the file and what it is read as ("" to skip it). */
    public record Mapping(int index, String header, String selected) {}

    /** Something a column can be read as: a vendor column, or a custom field ({@code cf:<name>}). */
    public record Target(String value, String label) {}

    public record ListChoice(UUID listId, String name) {}
}
