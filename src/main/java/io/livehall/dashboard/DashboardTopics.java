package io.livehall.dashboard;

import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import org.springframework.stereotype.Component;

/**
 * The organisers' live metrics topics, {@code /topic/dashboard/{scope}/{metric}}: only ORGANISER and ADMIN
 * may subscribe. The metrics themselves are published by issue 6 (live dashboard).
 */
@Component
class DashboardTopics {

    DashboardTopics(DestinationCatalog catalog) {
        catalog.register("/topic/dashboard/{scope}/{metric}", DestinationKind.LATEST, Access.roles("ORGANISER", "ADMIN"));
    }
}
