/* Self-hosted proof-of-work (ALTCHA v1 payload). Progressive enhancement only: without it the
   form is sent as is and the server treats it as unproven. No network request of its own. */
(function () {
  "use strict";
  var field = document.querySelector("input.pow-field[data-pow-challenge]");
  if (!field || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var form = field.form;
  var status = form.querySelector("[data-pow-status]");
  var task = JSON.parse(field.getAttribute("data-pow-challenge"));
  var encoder = new TextEncoder();
  var done = false;
  var waiting = false;

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  async function solve() {
    for (var n = 0; n <= task.maxNumber; n++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(task.salt + n));
      if (hex(digest) === task.challenge) return n;
    }
    return null;
  }

  function finish() {
    done = true;
    if (waiting) form.submit();
  }

  solve().then(function (number) {
    if (number !== null) {
      field.value = btoa(JSON.stringify({
        algorithm: task.algorithm, challenge: task.challenge, number: number,
        salt: task.salt, signature: task.signature
      }));
    }
    finish();
  }, finish);

  form.addEventListener("submit", function (event) {
    if (done) return;
    event.preventDefault();
    waiting = true;
    if (status) status.textContent = status.getAttribute("data-pow-status");
    setTimeout(finish, 15000);  /* never hold a person back: send unproven after 15 s */
  });
})();
