/* The leave signal (app/leave.py), included by the page template. Voila's widget manager sends
   its "shut my kernel down" beacon, and closes the kernel connection, on beforeunload: that
   fires before a "leave this page?" prompt, so a learner who chose to stay would keep a dead
   page. Its listener is moved to pagehide, which fires only when the page is really going.
   It is recognised by its source text (upstream/voila.py, check_leave_listener). */
(function () {
  var native = window.addEventListener;
  window.addEventListener = function (type, listener, options) {
    if (type === "beforeunload" && typeof listener === "function" &&
        String(listener).indexOf("api/shutdown") !== -1) {
      type = "pagehide";
    }
    return native.call(this, type, listener, options);
  };
})();
