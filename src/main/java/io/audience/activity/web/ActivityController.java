package io.audience.activity.web;

import io.audience.account.Caller;
import io.audience.activity.ActivityLog;
import io.audience.api.Limits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ActivityController {

    private final ActivityLog activities;

    ActivityController(ActivityLog activities) {
        this.activities = activities;
    }

    @GetMapping("/v3/activities/{activity_id}")
    ActivityResource get(Caller caller, @PathVariable("activity_id") String activityId) {
        return ActivityResource.of(activities.get(caller.accountId(), Limits.uuid("activity", activityId)));
    }
}
