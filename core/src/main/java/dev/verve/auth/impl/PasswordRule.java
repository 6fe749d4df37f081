package dev.verve.auth.impl;

/**
 * A new password's rule: a length in characters (code points), no composition rules, as NIST SP 800-63B
 * advises ({@code auth.passwordMinLength}, {@code auth.passwordMaxLength}).
 */
final class PasswordRule {

  final int min;
  final int max;

  PasswordRule(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /** Why {@code password} breaks the rule, or {@code null}. */
  String problem(String password) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    return length >= min && length <= max ? null : "A password has " + min + " to " + max + " characters.";
  }
}
