package com.thewans.identity.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.thewans.common.security.Role;

/** Roles in one column ("ADMIN,VIEWER"): read with the user in one row, no join per user in lists. */
@Converter
class RolesColumn implements AttributeConverter<Set<Role>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<Role> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
        return Set.copyOf(roles);
    }
}
