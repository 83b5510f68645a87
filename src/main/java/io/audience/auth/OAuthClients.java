package io.audience.auth;

import io.audience.account.AccountService;
import io.audience.api.NotFound;
import io.audience.api.Scopes;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Apps an account registers to act for its users through OAuth2. */
@Service
public class OAuthClients {

    static final int MAX_REDIRECT_URIS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository registered;
    private final ClientRepository clients;
    private final AccountService accounts;
    private final PasswordEncoder passwords;
    private final TokenPolicy tokens;
    private final GrantRemovalRepository grants;
    private final Clock clock;

    OAuthClients(
            RegisteredClientRepository registered,
            ClientRepository clients,
            AccountService accounts,
            PasswordEncoder passwords,
            TokenPolicy tokens,
            GrantRemovalRepository grants,
            Clock clock) {
        this.registered = registered;
        this.clients = clients;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.grants = grants;
        this.clock = clock;
    }

    public record NewClient(
            @Nullable String name,
            @Nullable List<String> redirectUris,
            @Nullable Boolean isPublic) {}

    /** The secret is shown once, here; only its hash is kept. */
    public record Registered(
            String clientId,
            @Nullable String clientSecret,
            String name,
            List<String> redirectUris,
            boolean isPublic,
            Set<String> scopes) {}

    /** An app as its account sees it: never its secret. */
    public record App(
            String clientId, String name, boolean isPublic, List<String> redirectUris, OffsetDateTime createdAt) {}

    @Transactional
    public Registered register(UUID accountId, NewClient request) {
        if (!accounts.exists(accountId)) {
            throw new NotFound("No account " + accountId);
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new ValidationFailed("name is required and must be at most 200 characters");
        }
        Text.printable("name", name);
        List<String> uris = redirectUris(request.redirectUris());
        boolean isPublic = Boolean.TRUE.equals(request.isPublic());
        String clientId = Ids.next().toString();
        String secret = isPublic ? null : newSecret();
        RegisteredClient.Builder client = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(name)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(set -> set.addAll(uris))
                .scopes(set -> set.addAll(Scopes.ALL))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(tokens.settings());
        if (isPublic) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientSecret(passwords.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        registered.save(client.build());
        clients.insert(accountId, clientId, name, isPublic, OffsetDateTime.now(clock));
        return new Registered(clientId, secret, name, uris, isPublic, Scopes.ALL);
    }

    @Transactional(readOnly = true)
    public List<App> list(UUID accountId) {
        return clients.ofAccount(accountId).stream()
                .map(row -> {
                    RegisteredClient client = registered.findByClientId(row.clientId());
                    List<String> uris = client == null
                            ? List.of()
                            : client.getRedirectUris().stream().sorted().toList();
                    return new App(row.clientId(), row.name(), row.isPublic(), uris, row.createdAt());
                })
                .toList();
    }

    /**
     * Deletes the app and every grant it holds: its access tokens are refused at their next call,
     * its refresh tokens and its client secret at once.
     */
    @Transactional
    public void delete(UUID accountId, String clientId) {
        if (!clients.delete(accountId, clientId)) {
            throw new NotFound("No app " + clientId + " in this account");
        }
        grants.deleteOfApp(clientId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<String> name(String clientId) {
        return clients.nameOf(clientId);
    }

    /** Whether the account that registered the app is disabled (or gone). */
    @Transactional(readOnly = true)
    public boolean ofDisabledAccount(String clientId) {
        return clients.accountOf(clientId).map(accounts::isDisabled).orElse(true);
    }

    /** An app acts only for the users of the account that registered it. */
    @Transactional(readOnly = true)
    public boolean servesUserOf(String clientId, Authentication user) {
        return clients.accountOf(clientId)
                .map(account -> user.getAuthorities().stream()
                        .anyMatch(a -> (AccessTokenClaims.ACCOUNT_AUTHORITY + account).equals(a.getAuthority())))
                .orElse(false);
    }

    /**
     * Absolute URIs without a fragment (RFC 6749 3.1.2); https, or http only to this machine
     * (RFC 8252 7.3: an app on the user's computer listens on the loopback address).
     */
    static List<String> redirectUris(@Nullable List<String> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_REDIRECT_URIS) {
            throw new ValidationFailed("redirect_uris must name 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String uri = given.get(i) == null ? "" : given.get(i).strip();
            String field = "redirect_uris[" + i + "]";
            URI parsed;
            try {
                parsed = new URI(uri);
            } catch (URISyntaxException e) {
                throw new ValidationFailed(field + " is not a URI: " + uri);
            }
            if (!parsed.isAbsolute()
                    || parsed.getHost() == null
                    || parsed.getFragment() != null
                    || uri.length() > 500) {
                throw new ValidationFailed(field + " must be an absolute URI with a host, without a #fragment: " + uri);
            }
            boolean loopback = Set.of("localhost", "127.0.0.1", "[::1]").contains(parsed.getHost());
            if (!"https".equals(parsed.getScheme()) && !("http".equals(parsed.getScheme()) && loopback)) {
                throw new ValidationFailed(field + " must use https (http only for localhost or 127.0.0.1): " + uri);
            }
            out.add(uri);
        }
        return List.copyOf(out);
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
