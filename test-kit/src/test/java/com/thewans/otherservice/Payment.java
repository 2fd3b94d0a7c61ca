package com.thewans.otherservice;

/** Stands for another service's class in ServiceBoundariesTest. */
public class Payment {
}
