/**
 * How the service starts fast: the build runs it once with {@code audience.training-run=true} under
 * {@code -XX:ArchiveClassesAtExit}, so the classes a start loads are kept in a class data sharing
 * archive that every later start maps instead of loading them again.
 */
@NullMarked
package io.audience.startup;

import org.jspecify.annotations.NullMarked;
