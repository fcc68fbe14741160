package io.livehall.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Local profile only: one account per role so a fresh checkout can be tried at once. Passwords are
 * generated on first run into {@code <data-dir>/secrets/demo-accounts.properties} (never in the repo)
 * and the accounts are (re)set to them at every start.
 */
@Component
@Profile("local")
public class DemoAccounts {

    private record Demo(String username, String displayName, Set<Role> roles, boolean merchant) {
    }

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "平台管理员", EnumSet.of(Role.ADMIN), false),
            new Demo("organiser", "展厅组织方", EnumSet.of(Role.ORGANISER), false),
            new Demo("merchant", "东裕茗茶", EnumSet.of(Role.MERCHANT), true),
            new Demo("viewer", "观众小王", EnumSet.of(Role.VIEWER), false));

    private static final EnterpriseRequest DEMO_ENTERPRISE = new EnterpriseRequest("陕西东裕生态农业科技有限公司",
            "91610000MA6TG00007", "陕西省西安市", "茶叶", EnterpriseSize.SMALL, SpecialisationTier.INNOVATIVE_SME);

    private final Path file;
    private final Properties passwords;
    private final UserRepository users;
    private final EnterpriseRepository enterprises;
    private final PasswordHasher hasher;
    private final TransactionalOperator tx;
    private final Mono<List<String>> seeded;

    DemoAccounts(@Value("${livehall.data-dir:./data}") String dataDir, UserRepository users,
                 EnterpriseRepository enterprises, PasswordHasher hasher, TransactionalOperator tx) {
        this.file = Path.of(dataDir, "secrets", "demo-accounts.properties").toAbsolutePath().normalize();
        this.passwords = loadOrGeneratePasswords(file);
        this.users = users;
        this.enterprises = enterprises;
        this.hasher = hasher;
        this.tx = tx;
        this.seeded = Flux.fromIterable(ACCOUNTS).concatMap(this::upsert).collectList().cache();
    }

    /** Seeds once (on first subscription) and tells each account as "username / password (role)". */
    public Mono<List<String>> seeded() {
        return seeded;
    }

    public String file() {
        return file.toString();
    }

    private Mono<String> upsert(Demo demo) {
        String password = passwords.getProperty(demo.username());
        Mono<Long> enterpriseId = demo.merchant()
                ? enterprises.findByCreditCode(DEMO_ENTERPRISE.creditCode())
                        .switchIfEmpty(enterprises.insert(DEMO_ENTERPRISE)).map(Enterprise::id)
                : Mono.empty();
        return hasher.hash(password).flatMap(hash -> tx.transactional(
                        users.findByUsername(demo.username())
                                .flatMap(existing -> users.updatePassword(existing.id(), hash)
                                        .then(users.updateRoles(existing.id(), demo.roles())))
                                .switchIfEmpty(enterpriseId.map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty())
                                        .flatMap(e -> users.insert(demo.username(), hash, demo.displayName(), null,
                                                demo.roles(), e.orElse(null))))))
                .thenReturn(demo.username() + " / " + password + "  (" + demo.roles().iterator().next() + ")");
    }

    private static Properties loadOrGeneratePasswords(Path file) {
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    props.load(reader);
                }
            }
            boolean changed = false;
            for (Demo demo : ACCOUNTS) {
                if (props.getProperty(demo.username()) == null) {
                    props.setProperty(demo.username(), randomPassword());
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    props.store(writer, "Live Hall demo accounts (local profile). Generated; delete to regenerate.");
                }
            }
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("demo-");
        for (int i = 0; i < 10; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
