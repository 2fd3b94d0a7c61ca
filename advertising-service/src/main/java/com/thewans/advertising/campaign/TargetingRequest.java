package com.thewans.advertising.campaign;

import java.util.List;

import jakarta.validation.constraints.Size;

/** Targeting as an admin writes it; every list may be empty ("any"). Dayparts are "HH:MM-HH:MM". */
record TargetingRequest(@Size(max = 250) List<String> territories, @Size(max = 100) List<String> genres,
        @Size(max = 5) List<String> maturityRatings, @Size(max = 50) List<String> languages,
        @Size(max = 3) List<String> deviceTypes, @Size(max = 24) List<String> dayparts) {
}
