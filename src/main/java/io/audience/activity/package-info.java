@NullMarked
package io.audience.activity;

import org.jspecify.annotations.NullMarked;
