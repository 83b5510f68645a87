@NullMarked
@ApplicationModule
package io.audience.contact.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
