// The pages' only behaviour, kept out of the HTML so that the Content-Security-Policy
// can refuse every inline script (filing_service/http_security.py).
"use strict";

// A one-time secret shown once (a new token, a calendar address): one click selects it
// all, ready to copy.
document.addEventListener("click", (event) => {
  const field = event.target.closest("[data-select-all]");
  if (field) {
    field.select();
  }
});
