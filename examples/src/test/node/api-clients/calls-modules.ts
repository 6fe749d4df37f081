// The calls a TypeScript page makes through the generated modules, type-checked against the served
// declarations (/verve/fn/<Interface>.d.ts, /verve/verve.d.ts). calls-openapi.ts makes the same calls.
import { doubleServer, getServerData, highFive } from "./verve/fn/Counter.js";
import { add, importFile, list, remove, toggle, type Todo } from "./verve/fn/Todos.js";
import { stats } from "./verve/fn/Admin.js";
import { ServerFunctionError, configure } from "./verve/verve.js";

export async function calls(): Promise<void> {
  configure({ apiPrefix: "/api" });
  const doubled: number = await doubleServer(21);
  const greeting: string = await getServerData();
  const total: number = await highFive();
  const todo: Todo = await add("Try Verve");
  const id: number = todo.id;
  const done: boolean = (await toggle(id)).done;
  const titles: Array<string | undefined> = (await list()).map(t => t.title);
  const removed: void = await remove(id);
  const counts: Record<string, unknown> = await stats();
  const imported: Todo[] = await importFile(new Blob(["Buy milk\nCall Ada\n"], { type: "text/plain" }));
  console.log(doubled, greeting, total, done, titles, removed, counts, imported.length);

  // @ts-expect-error: number is an int, not a string
  await doubleServer("21");
  // @ts-expect-error: the result is a number
  const wrong: string = await doubleServer(21);
  // @ts-expect-error: a file is a Blob (or a File), not its text
  await importFile("Buy milk");
  // @ts-expect-error: add takes one title
  await add();
  try {
    await remove(7);
  } catch (e) {
    if (e instanceof ServerFunctionError && e.phase === "http") console.log(e.status, e.problem?.detail);
  }
}
