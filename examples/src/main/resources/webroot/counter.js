// The counter page's actions: two run in the browser, two call server functions.
// tag::counter-js[]
import { actions } from "/verve/verve.js";
import { doubleServer, highFive } from "/verve/fn/Counter.js";

actions({
  up(s) {
    s.count = s.count + 1;
  },
  down(s) {
    s.count = s.count - 1;
  },
  // The new total also arrives on counter.total, in every open browser.
  async highFive(s) {
    s.total = await highFive();
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
// end::counter-js[]
