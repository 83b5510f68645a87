/** CSV exports of contacts (contact_exports), spooled and streamed to the caller. */
@NullMarked
@ApplicationModule
package io.audience.contact.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
