// "Near me", a progressive enhancement: asks the browser for a position, rounds it to two
// decimals (about 1 km) before anything leaves the device, and submits the search with it.
(function () {
  "use strict";
  var box = document.querySelector("[data-near]");
  if (!box || !navigator.geolocation) { return; }
  var form = box.closest("form");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = box.getAttribute("data-label");
  button.setAttribute("aria-describedby", "near-help");
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  box.insertBefore(button, box.firstChild);
  box.appendChild(status);
  function round(value) { return (Math.round(value * 100) / 100).toFixed(2); }
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      form.querySelector("[name=lat]").value = round(position.coords.latitude);
      form.querySelector("[name=lon]").value = round(position.coords.longitude);
      var order = form.querySelector("[name=order]");
      if (order) { order.value = "distance"; }
      form.submit();
    }, function () {
      status.textContent = box.getAttribute("data-error");
    }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 });
  });
}());
