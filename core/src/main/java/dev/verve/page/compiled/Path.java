package dev.verve.page.compiled;

/**
 * A name as a template writes it ({@code title}, {@code a.b}, {@code this}, {@code ../x}, {@code @index}),
 * split into the steps handlebars.java's path compiler makes of it; built once per name as a constant of
 * the generated class.
 */
public final class Path {

  static final byte PROPERTY = 0;
  static final byte THIS = 1;         // this.x, ./x: stays in the current context
  static final byte RESOLVE_THIS = 2; // this, ., ./ alone
  static final byte PARENT = 3;       // ../
  static final byte DATA = 4;         // @index, @root.x

  final byte[] kinds;
  final String[] names;
  final String[] bare; // a data name without its @, tried second as handlebars.java does

  private Path(byte[] kinds, String[] names) {
    this.kinds = kinds;
    this.names = names;
    this.bare = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      bare[i] = kinds[i] == DATA ? names[i].substring(1) : null;
    }
  }

  /**
   * From the step codes the compiler writes: {@code p:name}, {@code t:this}, {@code r:this}, {@code u:}
   * and {@code d:@name}.
   */
  public static Path of(String... steps) {
    byte[] kinds = new byte[steps.length];
    String[] names = new String[steps.length];
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      switch (step.charAt(0)) {
        case 'p': kinds[i] = PROPERTY; break;
        case 't': kinds[i] = THIS; break;
        case 'r': kinds[i] = RESOLVE_THIS; break;
        case 'u': kinds[i] = PARENT; break;
        case 'd': kinds[i] = DATA; break;
        default: throw new IllegalArgumentException("Unknown path step " + step);
      }
      names[i] = step.substring(2);
    }
    return new Path(kinds, names);
  }

  int size() {
    return kinds.length;
  }

  /** handlebars.java looks this.x, ./x, this and ../x up in the current context only. */
  boolean local(int from) {
    byte k = kinds[from];
    return k == THIS || k == RESOLVE_THIS || k == PARENT;
  }

  boolean startsWithThis(int from) {
    return kinds[from] == THIS || kinds[from] == RESOLVE_THIS;
  }

  /** The first step as handlebars.java prints it ("this" makes a partial's context skip its hash). */
  String head(int from) {
    return kinds[from] == PARENT ? "../" : names[from];
  }
}
