package dev.verve.examples.impl;

import dev.verve.examples.Todo;
import dev.verve.examples.Todos;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kept in memory; all calls arrive on the event loop that registered it, so no locking. */
public class TodosImpl implements Todos {

  private final Map<Integer, Todo> todos = new LinkedHashMap<>();
  private int nextId = 1;

  @Override
  public Future<Todo> add(String title) {
    String t = title.strip();
    if (t.isEmpty()) {
      return ServiceException.fail(400, "A todo needs a title");
    }
    if (t.length() > MAX_TITLE) {
      return ServiceException.fail(400, "A title has at most " + MAX_TITLE + " characters, this one has " + t.length());
    }
    Todo todo = new Todo(nextId++, t, false);
    todos.put(todo.getId(), todo);
    return Future.succeededFuture(todo);
  }

  @Override
  public Future<List<Todo>> list() {
    return Future.succeededFuture(new ArrayList<>(todos.values()));
  }

  @Override
  public Future<Todo> toggle(int id) {
    Todo todo = todos.get(id);
    if (todo == null) {
      return ServiceException.fail(404, "There is no todo with id " + id);
    }
    Todo toggled = todo.withDone(!todo.isDone());
    todos.put(id, toggled);
    return Future.succeededFuture(toggled);
  }

  @Override
  public Future<Void> remove(int id) {
    if (todos.remove(id) == null) {
      return ServiceException.fail(404, "There is no todo with id " + id);
    }
    return Future.succeededFuture();
  }
}
