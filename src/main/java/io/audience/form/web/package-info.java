/** The sign-up forms API (/v3/sign_up_forms) and the public page and challenge a form is shown with. */
@NullMarked
package io.audience.form.web;

import org.jspecify.annotations.NullMarked;
