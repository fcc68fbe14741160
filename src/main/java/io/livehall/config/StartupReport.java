package io.livehall.config;

import java.util.List;

import io.livehall.identity.DemoAccounts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Prints where the UI, the API docs and (local profile) the demo accounts are, once the app is ready. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(StartupReport.class);

    private final ObjectProvider<DemoAccounts> demoAccounts;

    StartupReport(ObjectProvider<DemoAccounts> demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        DemoAccounts demo = demoAccounts.getIfAvailable();
        Mono<List<String>> accounts = demo == null ? Mono.just(List.of()) : demo.seeded();
        accounts.subscribe(lines -> log.info(report(base, lines, demo == null ? null : demo.file())));
    }

    private static String report(String base, List<String> accounts, String file) {
        StringBuilder text = new StringBuilder("\n\n  Live Hall 直播展厅 is ready\n")
                .append("    UI        ").append(base).append("/\n")
                .append("    API docs  ").append(base).append("/swagger-ui.html  (OpenAPI: ").append(base).append("/v3/api-docs)\n")
                .append("    Health    ").append(base).append("/actuator/health\n");
        if (!accounts.isEmpty()) {
            text.append("    Demo accounts (local profile; also in ").append(file).append("):\n");
            accounts.forEach(line -> text.append("      ").append(line).append('\n'));
        }
        return text.toString();
    }
}
