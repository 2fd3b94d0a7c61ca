package com.thewans.royalty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(RoyaltySettings.class)
public class RoyaltyApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoyaltyApplication.class, args);
    }
}
