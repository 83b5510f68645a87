package io.audience.auth.web;

import io.audience.account.AccountView;

/** An account in the operator's list, with how many users and unrevoked API tokens it has. */
public record OperatorAccountRow(AccountView account, int users, int liveTokens) {}
