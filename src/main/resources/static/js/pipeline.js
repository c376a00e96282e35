/* The pipeline board: cards are dragged between and within columns and each drop is saved at once. When the
   server refuses a move (someone else moved the card first, say), the message is shown and the board reloaded,
   so that what the user sees is what is stored. */
(function () {
  'use strict';

  function csrfHeaders() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function nextCard(card) {
    var next = card.nextElementSibling;
    while (next && !next.classList.contains('kervan-card')) {
      next = next.nextElementSibling;
    }
    return next;
  }

  function refreshBoard() {
    if (window.htmx) {
      window.htmx.ajax('GET', window.location.href, { target: '#board', select: '#board', swap: 'outerHTML' });
    }
    else {
      window.location.reload();
    }
  }

  function refuse(message) {
    var box = document.getElementById('board-message');
    if (box) {
      box.textContent = message;
      box.classList.remove('d-none');
    }
    refreshBoard();
  }

  function saveMove(event) {
    var card = event.item;
    if (event.from === event.to && event.oldIndex === event.newIndex) {
      return;
    }
    var column = card.closest('[data-stage-id]');
    var body = new URLSearchParams();
    body.set('stageId', column.dataset.stageId);
    body.set('version', card.dataset.version);
    var next = nextCard(card);
    if (next) {
      body.set('beforeId', next.dataset.id);
    }
    fetch('/pipeline/cards/' + card.dataset.id + '/move', {
      method: 'POST', headers: csrfHeaders(), body: body.toString(), credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          refuse(answer.message);
          return;
        }
        card.dataset.version = answer.version;
        refreshBoard();
      });
    }).catch(function () {
      refreshBoard();
    });
  }

  function init(root) {
    if (!window.Sortable || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('.kervan-cards').forEach(function (list) {
      if (list.dataset.sortable) {
        return;
      }
      list.dataset.sortable = 'on';
      window.Sortable.create(list, {
        // The fallback drags with pointer events, which work alike with a mouse, a finger and a test driver.
        group: 'pipeline', animation: 150, draggable: '.kervan-card', forceFallback: true, onEnd: saveMove
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('htmx:load', function (event) { init(event.detail.elt); });
  if (document.readyState !== 'loading') {
    init(document);
  }
})();
