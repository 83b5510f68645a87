package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.text.Normalizer;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Invalid addresses are refused everywhere; unusual and international ones are one identity. */
class AddressInputIntegrationTest extends BadInputSupport {

    static Stream<String> invalidAddresses() {
        return Stream.of(
                "jane.example.com",
                "jane doe@example.com",
                "jane@exa mple.com",
                "jane..doe@example.com",
                "jane@example..com",
                ".jane@example.com",
                "jane.@example.com",
                "jane@localhost",
                "jane@-example.com",
                "jane@" + "a".repeat(40) + "." + "b".repeat(31) + ".com",
                "jane@[192.168.1.1]",
                "jane@192.168.1.1",
                "@example.com",
                "jane@",
                "jane@@example.com",
                "jane@exa_mple.com",
                "   ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void anInvalidAddressIsRefusedByCreate(String address) {
        Fixture f = fixture();
        String before = f.state();
        ObjectNode body = Api.object().put("create_source", "Account").put("first_name", "Jane");
        body.putObject("email_address").put("address", address);

        assertRefused(f.api.post("/v3/contacts", body), 400, VALIDATION, "email_address.address");
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void anInvalidAddressIsRefusedByUpdate(String address) {
        Fixture f = fixture();
        String before = f.state();
        ObjectNode body = Api.object().put("update_source", "Account").put("first_name", "Changed");
        body.putObject("email_address").put("address", address);

        assertRefused(f.api.put("/v3/contacts/" + f.contactId, body), 400, VALIDATION, "email_address.address");
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void anInvalidAddressIsRefusedBySignUpAndLookup(String address) {
        Fixture f = fixture();
        String before = f.state();
        ObjectNode body = Api.object().put("email_address", address);
        body.putArray("list_memberships").add(f.listId);

        assertRefused(f.api.post("/v3/contacts/sign_up_form", body), 400, VALIDATION, "email_address");
        if (!address.isBlank()) {
            assertRefused(f.api.get("/v3/contacts?email=" + encode(address)), 400, VALIDATION, "email");
        }
        f.assertUnchanged(before);
    }

    static Stream<String> unusualAddresses() {
        return Stream.of(
                "jose-%s@bücher.example",
                "josé.müller-%s@example.com",
                "用户-%s@例子.广告",
                "o'brien+news-%s@example.com",
                "x%s@" + "a".repeat(40) + "." + "b".repeat(25) + ".com");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualAddresses")
    void unusualButValidAddressesAreAcceptedAndFoundAgain(String pattern) {
        Api api = newAccount();
        String address = pattern.formatted(UUID.randomUUID().toString().substring(0, 8));
        assertThat(address.length()).isLessThanOrEqualTo(80);
        ObjectNode body = Api.object().put("create_source", "Account");
        body.putObject("email_address").put("address", address);

        Api.Response created = api.post("/v3/contacts", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("email_address").get("address").asString())
                .isEqualTo(address);
        String id = created.json().get("contact_id").asString();
        assertThat(lookup(api, address)).containsExactly(id);
        assertThat(lookup(api, address.toUpperCase(java.util.Locale.ROOT))).containsExactly(id);
    }

    @Test
    void anIdnDomainIsOneContactWithItsAsciiForm() {
        Api api = newAccount();
        String local = "jose-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@bücher.example"}, "create_source": "Account"}
                """.formatted(local)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();
        assertThat(created.json().get("email_address").get("address").asString())
                .isEqualTo(local + "@bücher.example");

        assertThat(lookup(api, local + "@xn--bcher-kva.example")).containsExactly(id);
        assertThat(lookup(api, local.toUpperCase(java.util.Locale.ROOT) + "@BÜCHER.example"))
                .containsExactly(id);

        Api.Response again = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s@xn--bcher-kva.example"}, "create_source": "Account"}
                """.formatted(local)));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.error().get("contact_id").asString()).isEqualTo(id);
        assertThat(contactsCount(api)).isEqualTo(1);
    }

    @Test
    void aUnicodeLocalPartIsOneContactWhateverItsNormalForm() {
        Api api = newAccount();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String composed = "jos\u00e9-" + suffix + "@example.com";
        String decomposed = "jose\u0301-" + suffix + "@example.com";
        assertThat(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).isEqualTo(composed);
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(composed)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();

        assertThat(lookup(api, composed)).containsExactly(id);
        assertThat(lookup(api, decomposed)).containsExactly(id);
        ObjectNode again = Api.object().put("create_source", "Account");
        again.putObject("email_address").put("address", decomposed);
        Api.Response conflict = api.post("/v3/contacts", again);
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(contactsCount(api)).isEqualTo(1);
    }
}
