package io.audience.contact.imports.web;

import io.audience.activity.web.ActivityResource;
import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.contact.imports.ContactImports;
import io.audience.contact.imports.ImportCells;
import io.audience.contact.imports.ImportSource;
import io.audience.transfer.Spool;
import io.audience.transfer.TransferSlots;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /v3/activities/contacts_json_import: the body is read as a stream, a row at a time, so its
 * size is bounded by the upload limit, not by memory (the vendor's 4 MB ceiling does not apply).
 */
@RestController
@Requires(Privilege.CONTACTS_WRITE)
class ImportController {

    private final ContactImports imports;
    private final JsonMapper json;
    private final Spool spool;
    private final TransferSlots slots;

    ImportController(ContactImports imports, JsonMapper json, Spool spool, TransferSlots slots) {
        this.imports = imports;
        this.json = json;
        this.spool = spool;
        this.slots = slots;
    }

    /**
     * The body is received whole into a spool file first, and only then staged in a transaction:
     * a client that sends slowly holds no database connection meanwhile.
     */
    @PostMapping(path = "/v3/activities/contacts_json_import", consumes = "application/json")
    ResponseEntity<ActivityResource> importJson(Caller caller, HttpServletRequest request) throws IOException {
        ActivityResource activity;
        TransferSlots.Slot slot = slots.upload(caller.accountId());
        try (Spool.File file = spool.receive(request.getInputStream(), ".json");
                Reader body = ImportCells.utf8(file.read())) {
            activity = ActivityResource.of(imports.acceptJson(caller.accountId(), new StreamedBody(body)));
        } finally {
            slot.close();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(ActivityResource.hrefOf(activity)))
                .body(activity);
    }

    /** Walks {"import_data": [...], "list_ids": [...]} in whatever order the two come. */
    private final class StreamedBody implements ImportSource {

        private final Reader body;
        private final List<String> listIds = new ArrayList<>();

        StreamedBody(Reader body) {
            this.body = body;
        }

        @Override
        public void forEachRow(Consumer<ImportSource.Row> rowJson) {
            try (JsonParser parser = json.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new ValidationFailed("The request body must be a JSON object with import_data and list_ids");
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("import_data".equals(name)) {
                        expectArray(value, "import_data");
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (parser.currentToken() != JsonToken.START_OBJECT) {
                                throw new ValidationFailed("import_data must hold contact objects");
                            }
                            rowJson.accept(row(parser));
                        }
                    } else if ("list_ids".equals(name)) {
                        expectArray(value, "list_ids");
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                                throw new ValidationFailed("list_ids must hold list ids as strings");
                            }
                            listIds.add(parser.getString());
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (tools.jackson.core.JacksonException e) {
                if (e.getCause() instanceof io.audience.api.ApiException api) {
                    throw api;
                }
                throw new ValidationFailed("Malformed JSON: " + e.getOriginalMessage());
            }
        }

        @Override
        public List<String> listIds() {
            return listIds;
        }

        /**
         * The row's properties as the vendor's columns, read token by token so that a row is never
         * held whole: an array or object value, or too many properties, spoil the row and are skipped.
         */
        private ImportSource.Row row(JsonParser parser) {
            Map<String, @Nullable String> cells = new LinkedHashMap<>();
            String problem = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                    problem = problem != null
                            ? problem
                            : (name.length() <= 100 ? name : "a property")
                                    + " must be a text or number value, not "
                                    + (value == JsonToken.START_ARRAY ? "an array" : "an object");
                } else if (cells.size() == ImportCells.MAX_CELLS) {
                    problem = problem != null
                            ? problem
                            : "a contact has at most " + ImportCells.MAX_CELLS + " properties";
                } else if (problem == null) {
                    cells.put(name, value == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
                }
            }
            return problem == null ? ImportSource.Row.of(cells) : ImportSource.Row.unreadable(problem);
        }

        private void expectArray(JsonToken token, String field) {
            if (token != JsonToken.START_ARRAY) {
                throw new ValidationFailed(field + " must be an array");
            }
        }
    }
}
