@NullMarked
package io.audience.list.web;

import org.jspecify.annotations.NullMarked;
