package com.thewans.transcoding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(TranscodeSettings.class)
public class TranscodingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TranscodingApplication.class, args);
    }
}
