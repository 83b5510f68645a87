@NullMarked
package io.audience.customfield;

import org.jspecify.annotations.NullMarked;
