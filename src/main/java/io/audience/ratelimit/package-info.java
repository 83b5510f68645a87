@NullMarked
package io.audience.ratelimit;

import org.jspecify.annotations.NullMarked;
