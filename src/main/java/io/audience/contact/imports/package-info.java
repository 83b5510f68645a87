@NullMarked
@ApplicationModule
package io.audience.contact.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
