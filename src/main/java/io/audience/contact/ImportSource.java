package io.audience.contact;

import java.util.List;
import java.util.function.Consumer;

/** A streamed import body: its rows, one JSON object each, then the lists named beside them. */
public interface ImportSource {

    void forEachRow(Consumer<String> rowJson);

    List<String> listIds();
}
