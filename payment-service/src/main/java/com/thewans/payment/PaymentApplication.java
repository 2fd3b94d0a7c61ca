package com.thewans.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

// the schedules are the money path's own: expiring abandoned payments, polling wallets, renewing subscriptions
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(PaymentSettings.class)
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }
}
