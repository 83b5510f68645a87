package io.audience.account.web;

import io.audience.account.AccountSettings;
import io.audience.account.AccountSettingsService;
import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Requires(Privilege.ACCOUNT_UPDATE)
class AccountSettingsController {

    private final AccountSettingsService settings;

    AccountSettingsController(AccountSettingsService settings) {
        this.settings = settings;
    }

    record SettingsInput(
            @Nullable Boolean confirmedOptIn,
            @Nullable String fromEmail,
            @Nullable String fromName,
            @Nullable String physicalAddress) {}

    /** The account's settings as the API answers them (extension). */
    record Settings(
            boolean confirmedOptIn,
            @Nullable String fromEmail,
            @Nullable String fromName,
            @Nullable String physicalAddress) {

        static Settings of(AccountSettings settings) {
            return new Settings(
                    settings.confirmedOptIn(), settings.fromEmail(), settings.fromName(), settings.physicalAddress());
        }
    }

    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping("/v3/account/settings")
    Settings get(Caller caller) {
        return Settings.of(settings.get(caller.accountId()));
    }

    @PutMapping(path = "/v3/account/settings", consumes = "application/json")
    Settings replace(Caller caller, @RequestBody SettingsInput body) {
        return Settings.of(settings.replace(
                caller.accountId(), body.confirmedOptIn(), body.fromEmail(), body.fromName(), body.physicalAddress()));
    }
}
