/** The one clock that main code reads the time from, so tests can move it. */
@NullMarked
package io.audience.time;

import org.jspecify.annotations.NullMarked;
