@NullMarked
package io.audience.idempotency;

import org.jspecify.annotations.NullMarked;
