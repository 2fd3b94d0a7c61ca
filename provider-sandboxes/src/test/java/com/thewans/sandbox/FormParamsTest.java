package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormParamsTest {

    @Test
    void bracketsBecomeNestedMapsAndLists() {
        Map<String, Object> params = FormParams.parse("amount=990&metadata%5BtransactionId%5D=tx%201"
                + "&payment_method_data[card][number]=4242424242424242&expand[]=latest_charge&expand[]=customer"
                + "&items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2");

        assertThat(params).containsEntry("amount", "990");
        assertThat(params.get("metadata")).isEqualTo(Map.of("transactionId", "tx 1"));
        assertThat(params.get("payment_method_data")).isEqualTo(Map.of("card", Map.of("number", "4242424242424242")));
        assertThat(params.get("expand")).isEqualTo(List.of("latest_charge", "customer"));
        assertThat(params.get("items")).isEqualTo(List.of(Map.of("price", "p1", "quantity", "2"), Map.of("price", "p2")));
    }

    @Test
    void numericMetadataKeysStayKeys() {
        assertThat(FormParams.parse("metadata[7]=seven").get("metadata")).isEqualTo(Map.of("7", "seven"));
    }

    @Test
    void stripeJavasIndexedListsReadLikeEmptyBrackets() {
        assertThat(FormParams.parse("expand[0]=refunds&expand[1]=customer").get("expand"))
                .isEqualTo(List.of("refunds", "customer"));
    }
}
