@NullMarked
package io.audience.confirmation;

import org.jspecify.annotations.NullMarked;
