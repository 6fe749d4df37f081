// The counter page's actions: two run in the browser, one calls a server function.
import { actions } from "/verve/verve.js";
import { doubleServer } from "/verve/fn/Counter.js";

actions({
  up(s) {
    s.count = s.count + 1;
  },
  down(s) {
    s.count = s.count - 1;
  },
  async double(s) {
    s.doubling = true;
    s.error = "";
    try {
      s.count = await doubleServer(s.count);
    } catch (e) {
      s.error = e.message;
    } finally {
      s.doubling = false;
    }
  },
});
