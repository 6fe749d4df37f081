// The todo page's actions: each calls a Todos server function and updates the list from its answer.
import { actions } from "/verve/verve.js";
import * as Todos from "/verve/fn/Todos.js";

async function attempt(s, work) {
  try {
    await work();
    s.error = "";
  } catch (e) {
    s.error = e.message; // the problem's detail, e.g. "A todo needs a title"
  }
}

actions({
  add: (s) => attempt(s, async () => {
    const todo = await Todos.add(s.title ?? "");
    s.todos = [...s.todos, todo];
    s.title = "";
  }),
  toggle: (s, { item }) => attempt(s, async () => {
    const updated = await Todos.toggle(item.id);
    s.todos = s.todos.map((t) => (t.id === updated.id ? updated : t));
  }),
  remove: (s, { item }) => attempt(s, async () => {
    await Todos.remove(item.id);
    s.todos = s.todos.filter((t) => t.id !== item.id);
  }),
});
