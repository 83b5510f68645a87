@NullMarked
package io.audience;

import org.jspecify.annotations.NullMarked;
