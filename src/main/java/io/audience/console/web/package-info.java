@NullMarked
package io.audience.console.web;

import org.jspecify.annotations.NullMarked;
