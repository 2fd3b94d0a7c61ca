package com.thewans.boundaryfixture.tangled.window;

import com.thewans.otherservice.Payment;

/** Uses another service's code. */
public class Window {
    public Payment payment;
}
