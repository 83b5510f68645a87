@NullMarked
package io.audience.contact;

import org.jspecify.annotations.NullMarked;
