package io.livehall.fair.meeting;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The meeting tests' set-up: a new fair with its organiser for each test ({@link MeetingFixtures}). */
abstract class MeetingTestSupport extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    MeetingFixtures f;

    @BeforeEach
    void fairOfItsOwn() {
        f = new MeetingFixtures(context, http, db);
    }

    /** How many notifications of {@code type} the user was given. */
    long notified(long userId, String type) {
        return db.sql("select count(*) from user_notification where user_id = :u and type = :t").bind("u", userId)
                .bind("t", type).map(row -> row.get(0, Long.class)).one().block();
    }
}
