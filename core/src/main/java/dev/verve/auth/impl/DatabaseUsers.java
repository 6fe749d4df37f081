package dev.verve.auth.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.Passwords;
import dev.verve.auth.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** {@link Users} in {@code verve_accounts.users} (Verve's own migration, {@code dev/verve/db/verve}). */
public final class DatabaseUsers implements Users {

  private static final Logger LOG = Logger.getLogger(Users.class.getName());
  private static final String ADMIN = "admin";
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final String SELECT = "SELECT id, username, password_hash, roles, disabled FROM verve_accounts.users"
    + " WHERE username_key = #{key}";

  private final Pool pool;
  private final Passwords passwords;
  private final UserRevocations revocations;
  private final PasswordRule rule;

  public DatabaseUsers(Vertx vertx, Pool pool, Passwords passwords, int minLength, int maxLength) {
    this.pool = pool;
    this.passwords = passwords;
    this.revocations = UserRevocations.of(vertx);
    this.rule = new PasswordRule(minLength, maxLength);
  }

  @Override
  public Future<Caller> authenticate(String username, String password) {
    return user(username).compose(user ->
      // An unknown name, or a disabled user, costs the same check as a wrong password: timing tells nothing.
      passwords.verify(user == null ? null : user.getString("password_hash"), password)
        .map(ok -> ok && !user.getBoolean("disabled") ? caller(user) : null));
  }

  @Override
  public Future<Caller> signUp(String username, String password) {
    return create(username, password, List.of());
  }

  @Override
  public Future<Caller> create(String username, String password, List<String> roles) {
    String problem = Users.usernameProblem(username);
    if (problem == null) problem = passwordProblem(password);
    if (problem == null) problem = rolesProblem(roles);
    if (problem != null) return Future.failedFuture(new IllegalArgumentException(problem));
    List<String> kept = List.copyOf(new LinkedHashSet<>(roles));
    return passwords.hash(password).compose(hash ->
      SqlTemplate.forQuery(pool, "SELECT nextval('verve_accounts.user_ids') AS id").execute(Map.of())
        .map(rows -> rows.iterator().next().getLong("id").intValue())
        .compose(id -> SqlTemplate.forUpdate(pool, "INSERT INTO verve_accounts.users (id, username, username_key,"
            + " password_hash, roles) VALUES (#{id}, #{username}, #{key}, #{hash}, #{roles})")
          .execute(Map.of("id", id, "username", username, "key", key(username), "hash", hash,
            "roles", String.join(",", kept)))
          .map(inserted -> Caller.user(String.valueOf(id), username, kept))))
      .recover(e -> isTaken(e) ? Future.succeededFuture(null) : Future.failedFuture(e));
  }

  @Override
  public Future<Caller> find(String username) {
    return user(username).map(user -> user == null ? null : caller(user));
  }

  @Override
  public Future<Boolean> isDisabled(String username) {
    return user(username).map(user -> user == null ? null : user.getBoolean("disabled"));
  }

  @Override
  public Future<Boolean> disable(String username) {
    return update(username, "disabled = TRUE", Map.of());
  }

  @Override
  public Future<Boolean> enable(String username) {
    return update(username, "disabled = FALSE", Map.of());
  }

  @Override
  public Future<Boolean> changePassword(String username, String newPassword) {
    String problem = passwordProblem(newPassword);
    if (problem != null) return Future.failedFuture(new IllegalArgumentException(problem));
    return passwords.hash(newPassword).compose(hash -> update(username, "password_hash = #{hash}", Map.of("hash", hash)));
  }

  @Override
  public Future<Boolean> setRoles(String username, List<String> roles) {
    String problem = rolesProblem(roles);
    if (problem != null) return Future.failedFuture(new IllegalArgumentException(problem));
    return update(username, "roles = #{roles}", Map.of("roles", String.join(",", new LinkedHashSet<>(roles))));
  }

  @Override
  public Future<Boolean> ensureAdmin(String password) {
    return create(ADMIN, password, List.of(ADMIN)).map(admin -> {
      LOG.info(admin != null ? "Created the user admin (auth.adminPassword)" : "The user admin exists already");
      return admin != null;
    });
  }

  @Override
  public String passwordProblem(String password) {
    return rule.problem(password);
  }

  // One user's row changed, then every session and token of theirs refused.
  private Future<Boolean> update(String username, String set, Map<String, Object> values) {
    return user(username).compose(user -> {
      if (user == null) return Future.succeededFuture(false);
      Map<String, Object> params = new java.util.HashMap<>(values);
      params.put("id", user.getInteger("id"));
      return SqlTemplate.forUpdate(pool, "UPDATE verve_accounts.users SET " + set + " WHERE id = #{id}").execute(params)
        .compose(done -> revocations.revoke(String.valueOf(user.getInteger("id"))))
        .map(true);
    });
  }

  private Future<Row> user(String username) {
    if (username == null) return Future.succeededFuture();
    return SqlTemplate.forQuery(pool, SELECT).execute(Map.of("key", key(username)))
      .map(DatabaseUsers::first);
  }

  private static Row first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  private static Caller caller(Row user) {
    List<String> roles = new ArrayList<>();
    for (String role : user.getString("roles").split(",")) {
      if (!role.isBlank()) roles.add(role.trim());
    }
    return Caller.user(String.valueOf(user.getInteger("id")), user.getString("username"), roles);
  }

  private static String rolesProblem(List<String> roles) {
    for (String role : roles) {
      if (role == null || !ROLE.matcher(role).matches()) {
        return "A role has 1 to 64 letters, digits, '_', '.', ':' or '-'; got '" + role + "'.";
      }
    }
    return null;
  }

  private static String key(String username) {
    return username.trim().toLowerCase(Locale.ROOT);
  }

  // 23505: unique_violation, in PostgreSQL and in H2 alike.
  private static boolean isTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabaseException && "23505".equals(((DatabaseException) t).getSqlState())) return true;
      if (t instanceof SQLException && "23505".equals(((SQLException) t).getSQLState())) return true;
    }
    return false;
  }
}
