package com.thewans.transcoding.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Beans of the public API: absent in worker mode, which serves only its health probes. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("'${wans.transcode.mode:both}' != 'worker'")
public @interface ApiMode {
}
