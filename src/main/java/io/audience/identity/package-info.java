@NullMarked
package io.audience.identity;

import org.jspecify.annotations.NullMarked;
