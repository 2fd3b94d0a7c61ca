package com.thewans.advertising;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(AdSettings.class)
public class AdvertisingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdvertisingApplication.class, args);
    }
}
