// Kervan's small amount of page behaviour; everything else is htmx attributes in the templates.
(function () {
  'use strict';

  // "/" focuses the global search from anywhere except while typing in a field.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing) return;
    var search = document.getElementById('global-search');
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  // Escape closes the search results.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      var results = document.getElementById('search-results');
      if (results) results.innerHTML = '';
    }
  });

  document.addEventListener('htmx:configRequest', function (event) {
    // htmx requests carry the CSRF token the server expects on every change.
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) event.detail.headers[header.content] = token.content;
  });

  document.addEventListener('DOMContentLoaded', function () {
    if (window.htmx) {
      // Forms answer 422 with the fields marked and error pages answer 4xx/5xx: show them all.
      htmx.config.responseHandling = [
        { code: '204', swap: false },
        { code: '[2345]..', swap: true }
      ];
      htmx.config.includeIndicatorStyles = false;
    }
  });
})();
