package dev.verve.auth;

import dev.verve.auth.impl.DatabaseUsers;
import dev.verve.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;

/**
 * Verve's built-in accounts, in the app's own database: the table {@code verve_accounts.users}, made by Verve's own
 * migration when the {@link Database} opens. Names are unique whatever their case ("Ada" and "ada" are one
 * user), passwords are stored as {@link Passwords} hashes, and each user has roles for
 * {@link RolesAllowed}. {@code verve.auth(database)} turns sign-in on with them; {@link Auth#users()} hands
 * them to the app's own admin code.
 *
 * <p>Disabling a user, changing their password or their roles signs them out everywhere: their sessions
 * and bearer tokens are refused from then on, on every node.
 */
public interface Users extends Accounts {

  /** A name: 3 to 32 of {@code A-Z a-z 0-9 _ . -}. */
  String USERNAME_RULE = "[A-Za-z0-9_.-]{3,32}";

  static Users inDatabase(Vertx vertx, Database database, AuthOptions options) {
    return new DatabaseUsers(vertx, database.pool(), Passwords.create(vertx, options.getPasswordIterations()),
      options.getPasswordMinLength(), options.getPasswordMaxLength());
  }

  /**
   * Creates a user; a {@code null} result when the name is taken. Fails with an
   * {@link IllegalArgumentException} saying why for a name or password that breaks the rules.
   */
  Future<Caller> create(String username, String password, List<String> roles);

  /** The user of that name (any case), or {@code null}; a disabled user is found too. */
  Future<Caller> find(String username);

  /** Whether the user of that name is disabled; {@code null} for no such user. */
  Future<Boolean> isDisabled(String username);

  /** Refuses the user's sign-ins from now on and signs them out; {@code false} for no such user. */
  Future<Boolean> disable(String username);

  /** Lets a disabled user sign in again; {@code false} for no such user. */
  Future<Boolean> enable(String username);

  /** A new password (checked against the rules), and the user signed out everywhere; {@code false} for no such user. */
  Future<Boolean> changePassword(String username, String newPassword);

  /** The user's roles, replaced, and the user signed out everywhere; {@code false} for no such user. */
  Future<Boolean> setRoles(String username, List<String> roles);

  /**
   * Creates the user {@code admin} with the role {@code admin} and this password, unless a user of that name
   * exists (then it is left as it is): what {@code auth.adminPassword} does at start. {@code true} when
   * created.
   */
  Future<Boolean> ensureAdmin(String password);

  /**
   * Why {@code password} breaks the password rule ({@code auth.passwordMinLength} to
   * {@code auth.passwordMaxLength} characters, no composition rules, as NIST SP 800-63B advises), or
   * {@code null} when it keeps it.
   */
  String passwordProblem(String password);

  /** Why {@code username} breaks {@link #USERNAME_RULE}, or {@code null} when it keeps it. */
  static String usernameProblem(String username) {
    return username != null && username.matches(USERNAME_RULE) ? null
      : "A username has 3 to 32 letters, digits, '_', '.' or '-'.";
  }
}
