@NullMarked
@ApplicationModule
package io.audience.contact.bulk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
