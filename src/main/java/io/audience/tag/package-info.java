@NullMarked
package io.audience.tag;

import org.jspecify.annotations.NullMarked;
