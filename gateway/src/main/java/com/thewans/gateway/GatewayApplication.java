package com.thewans.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's front door: routes every public path to the service that owns it (routes live in
 * application.yml), answers its own errors as problem JSON and serves one Swagger UI for all.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
