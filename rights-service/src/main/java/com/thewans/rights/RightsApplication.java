package com.thewans.rights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RightsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RightsApplication.class, args);
    }
}
