@NullMarked
package io.audience.contact.imports.web;

import org.jspecify.annotations.NullMarked;
