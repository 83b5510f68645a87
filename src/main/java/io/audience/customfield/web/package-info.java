@NullMarked
package io.audience.customfield.web;

import org.jspecify.annotations.NullMarked;
