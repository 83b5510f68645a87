package io.audience.console.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.web.Frame;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: contacts by state, 90 days of sign-ups, opt-outs and deletions, consent, activities. */
@Controller
@ConsolePage(Privilege.CONTACTS_READ)
class DashboardController {

    private final DashboardViews views;

    DashboardController(DashboardViews views) {
        this.views = views;
    }

    @GetMapping("/console/dashboard")
    String dashboard(Frame frame, Caller caller, Model model) {
        model.addAttribute("dashboard", views.dashboard(caller.accountId()));
        return "console/dashboard";
    }

    /** The running activities alone: the dashboard polls it with htmx to move the progress bars. */
    @GetMapping("/console/dashboard/activities")
    String activities(Caller caller, Model model) {
        model.addAttribute("activities", views.activities(caller.accountId()));
        return "console/dashboardActivities";
    }
}
