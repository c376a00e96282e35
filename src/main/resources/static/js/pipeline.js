/* The pipeline board: cards are dragged between and within columns and each drop is saved at once. The answer
   holds the two columns the card left and entered, which htmx swaps in place of theirs (out of band), counts and
   totals included. When the server refuses a move (someone else moved the card first, say), the answer holds the
   message and the board as it is stored, so that what the user sees is what is stored. */
(function () {
  'use strict';

  function nextCard(card) {
    var next = card.nextElementSibling;
    while (next && !next.classList.contains('kervan-card')) {
      next = next.nextElementSibling;
    }
    return next;
  }

  function saveMove(event) {
    var card = event.item;
    if (event.from === event.to && event.oldIndex === event.newIndex) {
      return;
    }
    // The board's filters, so that the columns come back as the board shows them.
    var values = {};
    new URLSearchParams(window.location.search).forEach(function (value, name) { values[name] = value; });
    values.teamId = document.getElementById('board').dataset.teamId;
    values.stageId = card.closest('[data-stage-id]').dataset.stageId;
    values.version = card.dataset.version;
    delete values.beforeId;
    var next = nextCard(card);
    if (next) {
      values.beforeId = next.dataset.id;
    }
    window.htmx.ajax('POST', '/pipeline/cards/' + card.dataset.id + '/move', { values: values, swap: 'none' });
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
