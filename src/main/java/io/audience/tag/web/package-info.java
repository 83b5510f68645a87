@NullMarked
package io.audience.tag.web;

import org.jspecify.annotations.NullMarked;
