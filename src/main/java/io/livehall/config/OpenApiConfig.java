package io.livehall.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Live Hall 直播展厅 API", version = "v1",
        description = "直播展厅、在线培训与供需对接平台的 HTTP 接口。错误均为 RFC 9457 application/problem+json。"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "POST /api/auth/login 返回的 accessToken")
class OpenApiConfig {
}
