@NullMarked
package io.audience.consent;

import org.jspecify.annotations.NullMarked;
