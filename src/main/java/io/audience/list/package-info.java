@NullMarked
package io.audience.list;

import org.jspecify.annotations.NullMarked;
