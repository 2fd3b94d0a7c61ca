package com.thewans.devstack;

import java.util.List;
import java.util.Optional;

/**
 * One process of the platform as the local stack runs it: its module (and so its jar), its default
 * port, its database schema and the environment variable the gateway reads its address from.
 */
public record ServiceSpec(String name, int defaultPort, String schema, String urlVariable) {

    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, null, null);

    /** The ten services, in the order they are started and listed. */
    public static final List<ServiceSpec> SERVICES = List.of(
            service("identity-service", 3001),
            service("catalog-service", 3002),
            service("rights-service", 3003),
            service("payment-service", 3004),
            service("playback-service", 3005),
            service("transcoding-service", 3006),
            service("recommendation-service", 3007),
            service("advertising-service", 3008),
            service("royalty-service", 3009),
            service("notification-service", 3010));

    /** The gateway first, then the ten services. */
    public static final List<ServiceSpec> ALL = concat();

    private static ServiceSpec service(String name, int port) {
        String schema = name.substring(0, name.length() - "-service".length());
        return new ServiceSpec(name, port, schema, schema.toUpperCase() + "_URL");
    }

    private static List<ServiceSpec> concat() {
        var all = new java.util.ArrayList<ServiceSpec>();
        all.add(GATEWAY);
        all.addAll(SERVICES);
        return List.copyOf(all);
    }

    public static Optional<ServiceSpec> byName(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** The Maven module the jar comes from; a transcoding worker runs the transcoding-service jar. */
    public String module() {
        return name;
    }

    public boolean hasSchema() {
        return schema != null;
    }
}
