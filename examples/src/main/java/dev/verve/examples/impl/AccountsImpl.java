package dev.verve.examples.impl;

import dev.verve.auth.Accounts;
import dev.verve.auth.Caller;
import dev.verve.auth.Passwords;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's users, in its database (schema in {@code db/migration/V2__users.sql}); only hashes are stored. */
// tag::accounts[]
public class AccountsImpl implements Accounts {

  private final Pool pool;
  private final Passwords passwords;

  public AccountsImpl(Pool pool, Passwords passwords) {
    this.pool = pool;
    this.passwords = passwords;
  }

  @Override
  public Future<Caller> authenticate(String username, String password) {
    return SqlTemplate.forQuery(pool, "SELECT id, username, password_hash, roles FROM users WHERE username_key = #{key}")
      .execute(Map.of("key", key(username)))
      .compose(rows -> {
        Row user = rows.size() == 0 ? null : rows.iterator().next();
        // An unknown name costs the same check as a wrong password: timing tells no names.
        return passwords.verify(user == null ? null : user.getString("password_hash"), password)
          .map(ok -> ok ? caller(user) : null);
      });
  }
  // end::accounts[]

  @Override
  public Future<Caller> signUp(String username, String password) {
    return create(username, password, List.of());
  }

  /** Creates the user unless the name is taken (then a {@code null} result). */
  public Future<Caller> create(String username, String password, List<String> roles) {
    return passwords.hash(password).compose(hash ->
      SqlTemplate.forQuery(pool, "SELECT nextval('user_ids') AS id").execute(Map.of())
        .map(rows -> rows.iterator().next().getLong("id").intValue())
        .compose(id -> SqlTemplate.forUpdate(pool, "INSERT INTO users (id, username, username_key, password_hash, roles)"
            + " VALUES (#{id}, #{username}, #{key}, #{hash}, #{roles})")
          .execute(Map.of("id", id, "username", username, "key", key(username), "hash", hash,
            "roles", String.join(",", roles)))
          .map(inserted -> Caller.user(String.valueOf(id), username, roles))))
      .recover(e -> isTaken(e) ? Future.succeededFuture(null) : Future.failedFuture(e));
  }

  private static Caller caller(Row user) {
    List<String> roles = new ArrayList<>();
    for (String role : user.getString("roles").split(",")) {
      if (!role.isBlank()) roles.add(role.trim());
    }
    return Caller.user(String.valueOf(user.getInteger("id")), user.getString("username"), roles);
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
