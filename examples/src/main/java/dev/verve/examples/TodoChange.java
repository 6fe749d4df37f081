package dev.verve.examples;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/**
 * One change of a user's todos, in the shape a page's live list applies by key:
 * {@code {"upsert": {"id": 3, ...}}} (added, or changed) or {@code {"remove": 3}}.
 */
@DataObject
public class TodoChange {

  private final Todo upsert;
  private final Integer remove;

  private TodoChange(Todo upsert, Integer remove) {
    this.upsert = upsert;
    this.remove = remove;
  }

  public TodoChange(JsonObject json) {
    this(json.getJsonObject("upsert") == null ? null : new Todo(json.getJsonObject("upsert")), json.getInteger("remove"));
  }

  public static TodoChange upsert(Todo todo) {
    return new TodoChange(todo, null);
  }

  public static TodoChange remove(int id) {
    return new TodoChange(null, id);
  }

  public JsonObject toJson() {
    return upsert != null ? new JsonObject().put("upsert", upsert.toJson()) : new JsonObject().put("remove", remove);
  }

  /** The todo added or changed; {@code null} for a removal. */
  public Todo getUpsert() { return upsert; }

  /** The id of the todo removed; {@code null} otherwise. */
  public Integer getRemove() { return remove; }

  @Override
  public String toString() {
    return upsert != null ? "upsert " + upsert : "remove #" + remove;
  }
}
