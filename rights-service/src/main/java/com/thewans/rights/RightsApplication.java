package com.thewans.rights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(RightsSettings.class)
public class RightsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RightsApplication.class, args);
    }
}
