@NullMarked
package io.audience.database;

import org.jspecify.annotations.NullMarked;
