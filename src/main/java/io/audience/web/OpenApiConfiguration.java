package io.audience.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.audience.api.Caller;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own OpenAPI document: snake_case like the wire, and the API token scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The authenticated caller is resolved from the token, not sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    ModelResolver snakeCaseModels() {
        // springdoc describes models with swagger-core's own (Jackson 2) mapper, which does not see
        // the service's Jackson 3 naming strategy.
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI audienceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Audience")
                        .version("v3")
                        .description(
                                "Contacts and consent, in the wire format of the Constant Contact V3 contacts API"))
                .components(new Components()
                        .addSecuritySchemes(
                                "api_token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("api_token"));
    }
}
