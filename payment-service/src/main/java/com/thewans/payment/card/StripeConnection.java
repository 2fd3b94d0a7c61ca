package com.thewans.payment.card;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.stripe.StripeClient;
import com.thewans.payment.PaymentSettings;

/** One stripe-java client for the service: Stripe itself, or the local sandbox, by configuration. */
@Configuration(proxyBeanMethods = false)
class StripeConnection {

    @Bean
    StripeClient stripeClient(PaymentSettings settings) {
        PaymentSettings.Stripe config = settings.stripe();
        return StripeClient.builder().setApiKey(config.secretKey()).setApiBase(config.apiBase())
                .setConnectTimeout(2_000).setReadTimeout(10_000)
                // retries reuse the idempotency key, so they cannot charge twice
                .setMaxNetworkRetries(2).build();
    }
}
