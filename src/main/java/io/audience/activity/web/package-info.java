@NullMarked
package io.audience.activity.web;

import org.jspecify.annotations.NullMarked;
