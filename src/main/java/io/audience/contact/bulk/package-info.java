/** Bulk work on many contacts as activities: deletes, list memberships and tags, one contact a row. */
@NullMarked
@ApplicationModule
package io.audience.contact.bulk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
