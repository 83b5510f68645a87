package db.migration;

import io.audience.api.ValidationFailed;
import io.audience.consent.ConfirmStatus;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentState;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.consent.EmailAddresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-keys the addresses stored before keys followed UTS #46 / IDNA2008 (issue 12): a key made with
 * Java's IDNA2003 mapping ({@code straße.de} as {@code strasse.de}) gets the key its address has now,
 * and its consent row, history, contact, confirmations, links and mail move with it. Where two keys
 * turn out to be one mailbox ({@code jane@straße.de} and {@code jane@xn--strae-oqa.de} were two
 * contacts), they become one: the stricter consent wins, both histories are kept under the one key,
 * the merge is recorded as a consent event, and the contact other than the survivor is deleted (its
 * lists move to the survivor unless the person opted out). Only addresses that are not plain ASCII,
 * or hold an A-label, can change; an address that is no longer valid keeps its key.
 */
public class V10__Rekey_email_addresses extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V10__Rekey_email_addresses.class);

    private record Found(UUID accountId, UUID contactId, String oldKey, String address) {}

    private record Group(UUID accountId, String key) {}

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        Map<Group, List<Found>> moves = new LinkedHashMap<>();
        int kept = 0;
        try (PreparedStatement select = db.prepareStatement("select account_id, contact_id, email_key, email_address"
                + " from contact where email_key is not null and email_address is not null"
                + " and (email_address ~ '[^\\x01-\\x7e]' or lower(email_address) like '%xn--%')"
                + " order by account_id, created_at, contact_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Found found = new Found(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                        rows.getString(4));
                String key;
                try {
                    key = EmailAddresses.key("email", found.address());
                } catch (ValidationFailed noLongerValid) {
                    kept++;
                    continue;
                }
                if (!key.equals(found.oldKey())) {
                    moves.computeIfAbsent(new Group(found.accountId(), key), g -> new ArrayList<>()).add(found);
                }
            }
        }
        int merged = 0;
        for (Map.Entry<Group, List<Found>> move : moves.entrySet()) {
            merged += rekey(db, move.getKey(), move.getValue()) ? 1 : 0;
        }
        rekeyUsers(db);
        log.info("Re-keyed the addresses of {} contacts to UTS #46 keys ({} merges of two keys of one mailbox; {} no"
                + " longer valid addresses kept their key)", moves.values().stream().mapToInt(List::size).sum(), merged,
                kept);
    }

    /** The sign-in emails of account users, which follow the same keys; one taken already keeps its key. */
    private static void rekeyUsers(Connection db) throws SQLException {
        Map<UUID, String> keys = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("select user_id, email_key, email_address from account_user"
                + " where email_address ~ '[^\\x01-\\x7e]' or lower(email_address) like '%xn--%'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                try {
                    String key = EmailAddresses.key("email", rows.getString(3));
                    if (!key.equals(rows.getString(2))) {
                        keys.put(rows.getObject(1, UUID.class), key);
                    }
                } catch (ValidationFailed noLongerValid) {
                    log.debug("Sign-in email of user {} is no longer valid; its key is kept", rows.getObject(1));
                }
            }
        }
        for (Map.Entry<UUID, String> user : keys.entrySet()) {
            update(db, "update account_user set email_key = ? where user_id = ?"
                    + " and not exists (select 1 from account_user u where u.email_key = ?)", user.getValue(),
                    user.getKey(), user.getValue());
        }
    }

    /** Moves the contacts of {@code group} to its key; whether that merged two keys of one mailbox. */
    private static boolean rekey(Connection db, Group group, List<Found> contacts) throws SQLException {
        UUID account = group.accountId();
        String key = group.key();
        List<String> oldKeys = contacts.stream().map(Found::oldKey).distinct().toList();
        Map<String, ConsentState> states = new LinkedHashMap<>();
        ConsentState existing = state(db, account, key);
        if (existing != null) {
            states.put(key, existing);
        }
        for (String old : oldKeys) {
            ConsentState state = state(db, account, old);
            if (state != null) {
                states.put(old, state);
            }
        }
        ConsentState kept = states.values().stream().reduce(ConsentPolicy::stricter).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        if (existing == null) {
            update(db, "insert into email_consent (account_id, email_key, permission_to_send, confirm_status,"
                    + " created_at, updated_at) select account_id, ?, permission_to_send, confirm_status, created_at, ?"
                    + " from email_consent where account_id = ? and email_key = ?", key, now, account, oldKeys.get(0));
        }
        save(db, account, key, kept, now);
        for (String table : List.of("consent_event", "confirmation", "outbox_mail", "activity_item")) {
            for (String old : oldKeys) {
                update(db, "update " + table + " set email_key = ? where account_id = ? and email_key = ?", key, account,
                        old);
            }
        }
        for (String old : oldKeys) {
            update(db, "update unsubscribe_link set email_key = ? where account_id = ? and email_key = ?"
                    + " and not exists (select 1 from unsubscribe_link k where k.account_id = ? and k.email_key = ?)",
                    key, account, old, account, key);
            update(db, "delete from unsubscribe_link where account_id = ? and email_key = ?", account, old);
        }
        UUID survivor = survivor(db, account, key, contacts);
        List<Found> mergedAway = new ArrayList<>();
        for (Found contact : contacts) {
            if (!contact.contactId().equals(survivor)) {
                mergedAway.add(contact);
                retire(db, account, contact.contactId(), survivor, kept.optedOutByContact(), now);
            }
        }
        update(db, "update contact set email_key = ? where account_id = ? and contact_id = ?", key, account, survivor);
        for (String old : oldKeys) {
            update(db, "delete from email_consent where account_id = ? and email_key = ?", account, old);
        }
        if (states.size() < 2 && mergedAway.isEmpty()) {
            return false;
        }
        ConsentState before = existing != null ? existing : states.get(oldKeys.get(0));
        update(db, "insert into consent_event (account_id, event_id, email_key, contact_id, occurred_at,"
                + " from_permission, to_permission, source, channel, actor, evidence)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'Account', 'migration', 'migration:V10 re-key addresses', ?)",
                account, UUID.randomUUID(), key, survivor, now, before.permission().wire(), kept.permission().wire(),
                evidence(key, states, contacts, survivor, kept));
        return true;
    }

    /** The contact already under the key, else the oldest of those moving to it. */
    private static UUID survivor(Connection db, UUID account, String key, List<Found> contacts) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "select contact_id from contact where account_id = ? and email_key = ?")) {
            select.setObject(1, account);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1, UUID.class) : contacts.get(0).contactId();
            }
        }
    }

    /** The other contact of the mailbox: deleted, as DELETE does, its lists going to the survivor. */
    private static void retire(Connection db, UUID account, UUID contact, UUID survivor, boolean optedOut,
            OffsetDateTime now) throws SQLException {
        if (!optedOut) {
            update(db, "insert into list_membership (account_id, list_id, contact_id, created_at)"
                    + " select account_id, list_id, ?, created_at from list_membership"
                    + " where account_id = ? and contact_id = ? on conflict do nothing", survivor, account, contact);
        }
        update(db, "delete from list_membership where account_id = ? and contact_id = ?", account, contact);
        update(db, "update contact set email_key = null, deleted_at = coalesce(deleted_at, ?), updated_at = ?,"
                + " version = version + 1 where account_id = ? and contact_id = ?", now, now, account, contact);
    }

    private static String evidence(String key, Map<String, ConsentState> states, List<Found> contacts, UUID survivor,
            ConsentState kept) {
        StringBuilder out = new StringBuilder("One mailbox under UTS #46 / IDNA2008, key " + key + ":");
        states.forEach((old, state) -> out.append(" key ").append(old).append(" was ").append(describe(state)).append(';'));
        for (Found contact : contacts) {
            out.append(" contact ").append(contact.contactId()).append(" (").append(contact.address()).append(')')
                    .append(contact.contactId().equals(survivor) ? " kept;" : " merged into " + survivor + ";");
        }
        out.append(" the stricter consent is kept: ").append(describe(kept));
        return out.length() > 2000 ? out.substring(0, 2000) : out.toString();
    }

    private static String describe(ConsentState state) {
        return state.permission().wire() + (state.optOutSource() == null ? ""
                : " (opt_out_source " + state.optOutSource().wire() + ")");
    }

    private static @Nullable ConsentState state(Connection db, UUID account, String key) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select permission_to_send, opt_in_source, opt_in_date,"
                + " opt_out_source, opt_out_date, opt_out_reason, confirm_status from email_consent"
                + " where account_id = ? and email_key = ? for update")) {
            select.setObject(1, account);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new ConsentState(Permission.fromWire("permission_to_send", row.getString(1)),
                        source(row.getString(2)), row.getObject(3, OffsetDateTime.class), source(row.getString(4)),
                        row.getObject(5, OffsetDateTime.class), row.getString(6),
                        ConfirmStatus.valueOf(row.getString(7).toUpperCase(Locale.ROOT)));
            }
        }
    }

    private static void save(Connection db, UUID account, String key, ConsentState state, OffsetDateTime now)
            throws SQLException {
        update(db, "update email_consent set permission_to_send = ?, opt_in_source = ?, opt_in_date = ?,"
                + " opt_out_source = ?, opt_out_date = ?, opt_out_reason = ?, confirm_status = ?, updated_at = ?"
                + " where account_id = ? and email_key = ?", state.permission().wire(), wire(state.optInSource()),
                state.optInDate(), wire(state.optOutSource()), state.optOutDate(), state.optOutReason(),
                state.confirmStatus().wire(), now, account, key);
    }

    private static @Nullable Source source(@Nullable String wire) {
        return wire == null ? null : Source.fromWire("source", wire);
    }

    private static @Nullable String wire(@Nullable Source source) {
        return source == null ? null : source.wire();
    }

    private static void update(Connection db, String sql, @Nullable Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
