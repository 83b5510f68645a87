/**
 * Contact imports (JSON and CSV, the vendor's contacts_json_import and contacts_file_import): rows are
 * staged, then applied in chunks by the activity engine, each owner module writing its own tables.
 */
@NullMarked
@ApplicationModule
package io.audience.contact.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
