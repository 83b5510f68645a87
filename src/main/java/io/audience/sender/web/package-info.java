@NullMarked
package io.audience.sender.web;

import org.jspecify.annotations.NullMarked;
