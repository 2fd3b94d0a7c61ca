package com.thewans.identity.account;

/**
 * An account was just registered, inside its transaction: the features that give a new account
 * what it starts with (a profile, codes to verify its contacts) listen for this, so accounts need
 * not know them. Spring delivers it synchronously; a listener that fails rolls the account back.
 *
 * @param account     the new account
 * @param displayName the name it chose, or one made from its email or phone
 */
public record AccountRegistered(UserAccount account, String displayName) {
}
