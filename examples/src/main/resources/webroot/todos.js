// The todo page's forms post to the Todos functions; verve.js sends them with fetch and then runs the
// action named after the function with its result, which updates the list without a page load.
// tag::todos-js[]
import { actions } from "/verve/verve.js";

actions({
  "Todos.add": (s, { result }) => { s.todos = [...s.todos, result]; },
  "Todos.toggle": (s, { result }) => { s.todos = s.todos.map((t) => (t.id === result.id ? result : t)); },
  "Todos.remove": (s, { values }) => { s.todos = s.todos.filter((t) => String(t.id) !== values.id); },
  "Todos.importFile": (s, { result }) => { s.todos = [...s.todos, ...result]; },
});
// end::todos-js[]
