package com.thewans.royalty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RoyaltyApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoyaltyApplication.class, args);
    }
}
