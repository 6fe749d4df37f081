package dev.verve.db.impl;

import dev.verve.db.Database;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnavailableTest {

  @Test
  void refusedAndLostConnectionsAreUnavailableEvenWhenWrapped() {
    assertTrue(Database.isUnavailable(new ConnectException("Connection refused")));
    assertTrue(Database.isUnavailable(new VertxException("pool", new ConnectException("Connection refused"))));
    assertTrue(Database.isUnavailable(ClosedConnectionException.INSTANCE));
    assertTrue(Database.isUnavailable(new SQLException("no connection", "08001")));
  }

  @Test
  void aServerShuttingDownIsUnavailable() {
    assertTrue(Database.isUnavailable(sqlState("57P01")));
    assertTrue(Database.isUnavailable(sqlState("57P03")));
  }

  @Test
  void failingStatementsAreNot() {
    assertFalse(Database.isUnavailable(sqlState("23505")));
    assertFalse(Database.isUnavailable(new SQLIntegrityConstraintViolationException("dup", "23505")));
    assertFalse(Database.isUnavailable(new SQLException("syntax", "42601")));
    assertFalse(Database.isUnavailable(new IllegalStateException("a bug")));
  }

  private static DatabaseException sqlState(String state) {
    return new DatabaseException("server says", 0, state, null) {
    };
  }
}
