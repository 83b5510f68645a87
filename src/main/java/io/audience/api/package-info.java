@NullMarked
package io.audience.api;

import org.jspecify.annotations.NullMarked;
