package dev.verve.examples;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** One todo item; travels as {@code {"id": 1, "title": "...", "done": false}}. */
@DataObject
public class Todo {

  private int id;
  private String title;
  private boolean done;

  public Todo(int id, String title, boolean done) {
    this.id = id;
    this.title = title;
    this.done = done;
  }

  public Todo(JsonObject json) {
    this(json.getInteger("id", 0), json.getString("title"), json.getBoolean("done", false));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("done", done);
  }

  public int getId() { return id; }

  public String getTitle() { return title; }

  public boolean isDone() { return done; }

  public Todo withDone(boolean done) {
    return new Todo(id, title, done);
  }

  @Override
  public String toString() {
    return "#" + id + " [" + (done ? "x" : " ") + "] " + title;
  }
}
