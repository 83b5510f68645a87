@NullMarked
package io.audience.web;

import org.jspecify.annotations.NullMarked;
