/**
 * The console's shell: where a signed-in person lands, and the dashboard. Each capability serves
 * its own console pages from its web package (contacts from contact.web, lists from list.web), all
 * under /console/ and framed by the layout template {@code layout/console}.
 */
@NullMarked
package io.audience.console;

import org.jspecify.annotations.NullMarked;
