package dev.verve.page.compiled;

import io.vertx.core.json.JsonArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * handlebars.java's context stack, in arrays. Each frame is what a {@code Context} would be: its model,
 * and its "extended" map ({@code @index}, {@code @first}... in a loop, the hash of a partial), here kept as
 * fields and turned into a real map only if a lookup needs one of the map's own bean properties
 * ({@code {{size}}}, {@code {{empty}}} answered by it in handlebars.java too). {@link #get(Path)} follows
 * {@code Context.get}: current frame's model, its extended map, the root data ({@code root}), then the
 * parent frame; a path whose first step resolved stops the search even if a later step is missing; a
 * partial's frame asks its hash first. The block helpers below do what {@code each}, {@code if},
 * {@code unless}, {@code with} and a Mustache section do to the stack, so templates see the same values.
 */
public final class Scope {

  private static final byte PLAIN = 0;
  private static final byte EACH = 1;    // an item of an iterable
  private static final byte ENTRY = 2;   // a property of a non-iterable value
  private static final byte PARTIAL = 3; // a partial's context and hash

  private static final int MODEL = 0;
  private static final int EXTENDED = 1;
  private static final int DATA = 2;

  private static final Path SIZE = Path.of("p:size");
  private static final Path EMPTY = Path.of("p:empty");
  private static final String[] NO_KEYS = {};

  private final Object root;
  private Object[] models = new Object[16];
  private byte[] kinds = new byte[16];
  private int[] indexes = new int[16];
  private boolean[] lasts = new boolean[16];
  private Object[] keys = new Object[16];   // ENTRY: the key; PARTIAL: the hash's names
  private Object[][] values = new Object[16][]; // PARTIAL: the hash's values
  private int top = -1;

  public Scope(Object root) {
    this.root = root;
    push(PLAIN, root);
  }

  /** {@code {{path}}}: the value, or null. */
  public Object get(Path path) {
    return get(top, path, 0);
  }

  // ---- block helpers ----

  /** {@code {{#each value}}body{{else}}inverse{{/each}}}. */
  public void each(Html out, Object value, Section body, Section inverse) {
    value = Values.transform(value);
    if (value instanceof JsonArray) {
      JsonArray array = (JsonArray) value;
      int n = array.size();
      for (int i = 0; i < n; i++) {
        push(EACH, array.getValue(i));
        indexes[top] = i;
        lasts[top] = i == n - 1;
        body.render(out, this);
        top--;
      }
      if (n == 0) inverse.render(out, this);
    } else if (value instanceof Iterable) {
      int i = 0;
      for (Iterator<?> it = ((Iterable<?>) value).iterator(); it.hasNext(); i++) {
        push(EACH, it.next());
        indexes[top] = i;
        lasts[top] = !it.hasNext();
        body.render(out, this);
        top--;
      }
      if (i == 0) inverse.render(out, this);
    } else if (value != null) {
      int i = 0;
      for (Iterator<Map.Entry<String, Object>> it = Values.propertySet(value).iterator(); it.hasNext(); i++) {
        Map.Entry<String, Object> entry = it.next();
        push(ENTRY, entry.getValue());
        keys[top] = entry.getKey();
        indexes[top] = i;
        lasts[top] = !it.hasNext();
        body.render(out, this);
        top--;
      }
      if (i == 0) inverse.render(out, this);
    } else {
      inverse.render(out, this);
    }
  }

  /** {@code {{#if value}}}: no new context. */
  public void when(Html out, Object value, Section body, Section inverse) {
    (Values.isEmpty(Values.transform(value)) ? inverse : body).render(out, this);
  }

  /** {@code {{#unless value}}} and {@code {{^value}}}: no new context. */
  public void unless(Html out, Object value, Section body, Section inverse) {
    (Values.isEmpty(Values.transform(value)) ? body : inverse).render(out, this);
  }

  /** {@code {{#with value}}}: a new context, unless it is the current one. */
  public void with(Html out, Object value, Section body, Section inverse) {
    value = Values.transform(value);
    boolean pushed = value != models[top];
    if (pushed) push(PLAIN, value);
    (Values.isEmpty(value) ? inverse : body).render(out, this);
    if (pushed) top--;
  }

  /** A Mustache section {@code {{#name}}}: a loop, a condition or a new context, by the value's type. */
  public void section(Html out, Object value, Section body, Section inverse) {
    value = Values.transform(value);
    if (value instanceof Iterable) {
      each(out, value, body, inverse);
    } else if (value instanceof Boolean) {
      when(out, value, body, inverse);
    } else {
      push(PLAIN, value);
      (Values.isEmpty(value) ? inverse : body).render(out, this);
      top--;
    }
  }

  /**
   * {@code {{> name context key=value}}}: the partial's code runs on a frame whose model is
   * {@code context} looked up here, and whose hash holds {@code names}, {@code values} (computed by the
   * caller), plus {@code size} and {@code empty} as the caller sees them (handlebars.java adds both).
   */
  public void partial(Html out, Path context, String[] names, Object[] values, Section partial) {
    Object model = get(top, context, 0);
    push(PARTIAL, model);
    keys[top] = names;
    this.values[top] = values;
    partial.render(out, this);
    top--;
  }

  /** {@link #partial} without a hash. */
  public void partial(Html out, Path context, Section partial) {
    partial(out, context, NO_KEYS, null, partial);
  }

  // ---- the stack ----

  private void push(byte kind, Object model) {
    if (++top == models.length) grow();
    kinds[top] = kind;
    models[top] = model;
  }

  private void grow() {
    int n = models.length * 2;
    models = Arrays.copyOf(models, n);
    kinds = Arrays.copyOf(kinds, n);
    indexes = Arrays.copyOf(indexes, n);
    lasts = Arrays.copyOf(lasts, n);
    keys = Arrays.copyOf(keys, n);
    values = Arrays.copyOf(values, n);
  }

  // Context.get(path), from frame f, for the steps of path from `from` on.
  private Object get(int f, Path path, int from) {
    Object value;
    if (kinds[f] == PARTIAL && !"this".equals(path.head(from))) {
      // PartialCtx: the hash first, as a context of its own (no parent, no data).
      value = path.local(from)
        ? walk(f, EXTENDED, path, from, false)
        : walk(f, EXTENDED, path, from, true);
      if (value != null && value != Values.NULL) return value;
    }
    if (path.local(from)) {
      value = walk(f, MODEL, path, from, false);
      if (value == null && !path.startsWithThis(from)) value = walk(f, EXTENDED, path, from, true);
    } else {
      value = null;
      for (int it = f; value == null && it >= 0; it--) {
        value = walk(it, MODEL, path, from, true);
        if (value == null) {
          value = walk(it, EXTENDED, path, from, true);
          if (value == null) value = walk(it, DATA, path, from, true);
        }
      }
    }
    return value == Values.NULL ? null : value;
  }

  /**
   * handlebars.java's path chain over one target of frame f: each step reads the previous step's value
   * and the walk stops at a null. As {@code eval}, a miss after the first step is "found, null".
   */
  private Object walk(int f, int where, Path path, int from, boolean eval) {
    Object value = null;
    if (where == MODEL) {
      value = models[f];
      if (value == null) return null;
    }
    int n = path.size();
    int i = from;
    boolean virtual = where != MODEL; // the target is a map handlebars.java would have built
    while (i < n) {
      if (!virtual && value == null) break;
      byte kind = path.kinds[i];
      String name = path.names[i];
      i++;
      switch (kind) {
        case Path.PROPERTY:
          value = virtual ? lookup(f, where, name) : Values.resolve(value, name);
          break;
        case Path.DATA:
          Object data = virtual ? lookup(f, where, name) : Values.resolve(value, name);
          if (data == null) {
            String bare = path.bare[i - 1];
            data = virtual ? lookup(f, where, bare) : Values.resolve(value, bare);
          }
          value = data;
          break;
        case Path.PARENT:
          value = where == MODEL && f > 0 ? get(f - 1, path, i) : null;
          i = n;
          break;
        default: // this, ./
          if (virtual) value = map(f, where);
          break;
      }
      virtual = false;
    }
    if (value == null && eval) return i - from > 1 ? Values.NULL : null;
    return value;
  }

  // A name in frame f's extended map, or in the root data.
  private Object lookup(int f, int where, String name) {
    if (where == DATA) {
      return "root".equals(name) && root != null ? root : null;
    }
    Object value = null;
    switch (kinds[f]) {
      case EACH:
        value = loopValue(f, name, true);
        break;
      case ENTRY:
        value = "@key".equals(name) ? keys[f] : loopValue(f, name, false);
        break;
      case PARTIAL:
        value = hashValue(f, name);
        break;
      default:
        break;
    }
    if (value != null) return value;
    Class<?> type = kinds[f] == PARTIAL && ((String[]) keys[f]).length > 0 ? LinkedHashMap.class : HashMap.class;
    return Values.mayHaveMember(type, name) ? Values.member(map(f, EXTENDED), name) : null;
  }

  private Object loopValue(int f, String name, boolean iterable) {
    return LoopVariables.value(name, indexes[f], lasts[f], iterable);
  }

  private Object hashValue(int f, String name) {
    String[] names = (String[]) keys[f];
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) return values[f][i];
    }
    if ("size".equals(name)) return get(f - 1, SIZE, 0);
    if ("empty".equals(name)) return get(f - 1, EMPTY, 0);
    return null;
  }

  // The map handlebars.java has for frame f, for the rare lookup that reads the map itself.
  private Map<String, Object> map(int f, int where) {
    Map<String, Object> map;
    if (where == DATA) {
      map = new HashMap<>();
      map.put("root", root);
      return map;
    }
    switch (kinds[f]) {
      case EACH:
        return LoopVariables.map(Integer.valueOf(indexes[f]), indexes[f], lasts[f], true);
      case ENTRY:
        return LoopVariables.map(keys[f], indexes[f], lasts[f], false);
      case PARTIAL:
        String[] names = (String[]) keys[f];
        map = names.length == 0 ? new HashMap<>() : new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) map.put(names[i], values[f][i]);
        if (!map.containsKey("size")) map.put("size", get(f - 1, SIZE, 0));
        if (!map.containsKey("empty")) map.put("empty", get(f - 1, EMPTY, 0));
        return map;
      default:
        return new HashMap<>();
    }
  }
}
