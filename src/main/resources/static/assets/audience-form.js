/*
 * Audience sign-up forms: fetches the form's proof-of-work challenge (ALTCHA), finds its number
 * while the person types, and holds the post until the solution is ready and the form's minimum
 * fill time has passed. No third party is asked anything; nothing but the challenge is fetched.
 */
(function () {
  "use strict";

  function hex(buffer) {
    var bytes = new Uint8Array(buffer), out = "";
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return out;
  }

  async function solve(challenge) {
    var encoder = new TextEncoder(), started = Date.now(), batch = 500;
    for (var start = 0; start <= challenge.maxnumber; start += batch) {
      var tries = [];
      for (var n = start; n < start + batch && n <= challenge.maxnumber; n++) {
        tries.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n)));
      }
      var digests = await Promise.all(tries);
      for (var i = 0; i < digests.length; i++) {
        if (hex(digests[i]) === challenge.challenge) {
          return { algorithm: challenge.algorithm, challenge: challenge.challenge, number: start + i,
                   salt: challenge.salt, signature: challenge.signature, took: Date.now() - started };
        }
      }
    }
    throw new Error("no number solves the challenge");
  }

  function prepare(form) {
    var status = form.querySelector(".audience-status[role=status]");
    var button = form.querySelector("button[type=submit]");
    var solution = form.querySelector("input[name=altcha]");
    var say = function (text) { if (status) status.textContent = text; };
    var state = { ready: null, failed: null, sending: false };

    form.querySelector("input[name=page_url]").value = location.href;
    solution.value = "";
    if (!window.crypto || !crypto.subtle) {
      state.failed = "This form can only be sent from a secure (https) page.";
      say(state.failed);
      return state;
    }
    state.ready = fetch(form.action + "/challenge", { credentials: "omit", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("challenge " + response.status);
        return response.json();
      })
      .then(function (challenge) {
        var notBefore = Date.now() + (challenge.minimum_fill_ms || 0) + 100;
        return solve(challenge).then(function (solved) {
          solution.value = btoa(JSON.stringify(solved));
          return notBefore;
        });
      })
      .catch(function () {
        state.failed = "This form cannot be sent from this page: the form does not accept sign-ups from this site,"
          + " or it could not be reached. Please try again later.";
        if (state.sending) say(state.failed);
        throw new Error(state.failed);
      });
    state.ready.catch(function () {});
    return state;
  }

  function attach(form) {
    var state = prepare(form);
    var status = form.querySelector(".audience-status[role=status]");
    var button = form.querySelector("button[type=submit]");
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { state = prepare(form); state.sending = false; button.disabled = false; }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (state.sending) return;
      if (state.failed || !state.ready) { status.textContent = state.failed; return; }
      state.sending = true;
      button.disabled = true;
      status.textContent = "Sending…";
      state.ready.then(function (notBefore) {
        setTimeout(function () { form.submit(); }, Math.max(0, notBefore - Date.now()));
      }, function () {
        state.sending = false;
        button.disabled = false;
        status.textContent = state.failed;
      });
    });
  }

  function start() {
    var forms = document.querySelectorAll("form[data-audience-form]");
    for (var i = 0; i < forms.length; i++) attach(forms[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
