package ${package};

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** A note; travels as {@code {"id": 1, "text": "..."}}. */
@DataObject
public class Note {

  private final int id;
  private final String text;

  public Note(int id, String text) {
    this.id = id;
    this.text = text;
  }

  public Note(JsonObject json) {
    this(json.getInteger("id", 0), json.getString("text"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("text", text);
  }

  public int getId() {
    return id;
  }

  public String getText() {
    return text;
  }
}
