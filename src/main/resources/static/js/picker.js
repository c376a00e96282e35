/* Record pickers (fragments/fields.html: picker, picker-compact, picker-many): an ARIA 1.2 combobox whose listbox
   offers what a picker source (GET <source>?q=<typed>, answering {"matches": [{"id", "label", "detail"}]}) finds for
   the text typed. The first match is active as it arrives: Enter or Tab chooses the active match, the arrows move
   through them, Escape closes the list (and, closed, clears a text that chose nothing); a click or a tap chooses one.
   Choosing puts the record's id in the hidden input the form posts and its label in the text box; changing the text
   drops the choice. Leaving a text that chose nothing says so beside the field, and a form holding one is not sent.
   The listeners sit on the document, so pickers that htmx swaps in work as they arrive. */
(function () {
  'use strict';

  var DELAY = 200;
  var states = new WeakMap();

  function pickerOf(element) {
    return element && element.closest ? element.closest('.kervan-picker') : null;
  }

  function inputOf(picker) {
    return picker.querySelector('input[role="combobox"]');
  }

  function listOf(picker) {
    return picker.querySelector('[role="listbox"]');
  }

  function valueOf(picker) {
    return picker.querySelector('input.kervan-picker-value');
  }

  function isMany(picker) {
    return picker.hasAttribute('data-picker-many');
  }

  function stateOf(picker) {
    var state = states.get(picker);
    if (!state) {
      state = { timer: null, controller: null, matches: [], active: -1, chooseWhenReady: false, asked: null };
      states.set(picker, state);
    }
    return state;
  }

  function expanded(picker) {
    return inputOf(picker).getAttribute('aria-expanded') === 'true';
  }

  /* A text that chose nothing: typed and left without picking a match. */
  function unchosen(picker) {
    var input = inputOf(picker);
    if (input.value.trim() === '') return false;
    return isMany(picker) || valueOf(picker).value === '';
  }

  function announce(picker, text) {
    var status = picker.querySelector('[role="status"]');
    if (status) status.textContent = text;
  }

  function count(number) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined).format(number);
    } catch (e) {
      return String(number);
    }
  }

  /* The message beside the field: the page's own when the server put one there, else one made here. */
  function say(picker, message) {
    var input = inputOf(picker);
    var id = input.id + '-error';
    var note = document.getElementById(id);
    if (!note) {
      note = document.createElement('div');
      note.className = 'invalid-feedback';
      note.id = id;
      picker.appendChild(note);
    }
    note.textContent = message;
    input.classList.add('is-invalid');
    input.setAttribute('aria-invalid', 'true');
  }

  function unsay(picker) {
    var input = inputOf(picker);
    input.classList.remove('is-invalid');
    input.setAttribute('aria-invalid', 'false');
  }

  function close(picker) {
    var state = stateOf(picker);
    var input = inputOf(picker);
    var list = listOf(picker);
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    state.active = -1;
  }

  function activate(picker, index) {
    var state = stateOf(picker);
    var input = inputOf(picker);
    var options = listOf(picker).querySelectorAll('[role="option"]');
    if (options.length === 0) return;
    index = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      option.classList.toggle('active', i === index);
    });
    state.active = index;
    input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  function show(picker, matches) {
    var state = stateOf(picker);
    var input = inputOf(picker);
    var list = listOf(picker);
    state.matches = matches;
    list.textContent = '';
    matches.forEach(function (match, i) {
      var option = document.createElement('li');
      option.id = list.id + '-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'kervan-picker-option';
      option.dataset.index = String(i);
      var label = document.createElement('span');
      label.className = 'kervan-picker-label';
      label.dir = 'auto';
      label.textContent = match.label;
      option.appendChild(label);
      if (match.detail) {
        var detail = document.createElement('small');
        detail.className = 'kervan-picker-detail';
        detail.dir = 'auto';
        detail.textContent = match.detail;
        option.appendChild(detail);
      }
      list.appendChild(option);
    });
    if (matches.length === 0) {
      close(picker);
      announce(picker, input.dataset.pickerNone);
      return;
    }
    list.style.top = (input.offsetTop + input.offsetHeight) + 'px';
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    announce(picker, (input.dataset.pickerCount || '{0}').replace('{0}', count(matches.length)));
    activate(picker, 0);
  }

  function search(picker) {
    var state = stateOf(picker);
    var input = inputOf(picker);
    var typed = input.value.trim();
    if (state.controller) state.controller.abort();
    var controller = new AbortController();
    state.controller = controller;
    state.asked = typed;
    var source = input.dataset.pickerSource;
    var address = source + (source.indexOf('?') >= 0 ? '&' : '?') + 'q=' + encodeURIComponent(typed);
    fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: controller.signal })
      .then(function (response) {
        var json = response.ok && (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
        return json ? response.json() : { matches: [] };
      })
      .then(function (answer) {
        if (state.controller !== controller) return;
        state.controller = null;
        if (document.activeElement !== input && !state.chooseWhenReady) return;
        show(picker, answer.matches || []);
        if (state.chooseWhenReady) {
          state.chooseWhenReady = false;
          if (state.matches.length > 0) choose(picker, 0);
        }
      })
      .catch(function () {
        if (state.controller === controller) state.controller = null;
      });
  }

  function later(picker) {
    var state = stateOf(picker);
    clearTimeout(state.timer);
    state.timer = setTimeout(function () {
      state.timer = null;
      search(picker);
    }, DELAY);
  }

  function chip(picker, match) {
    var input = inputOf(picker);
    var chosen = picker.querySelector('.kervan-picker-chosen');
    var present = Array.prototype.some.call(chosen.querySelectorAll('input[type="hidden"]'), function (hidden) {
      return hidden.value === String(match.id);
    });
    if (present) return;
    var item = document.createElement('li');
    item.className = 'badge text-bg-light';
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = input.dataset.pickerName;
    hidden.value = String(match.id);
    var name = document.createElement('bdi');
    name.textContent = match.label;
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn-close kervan-picker-remove';
    remove.setAttribute('aria-label', (input.dataset.pickerRemove || '{0}').replace('{0}', match.label));
    item.appendChild(hidden);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(name);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(remove);
    chosen.appendChild(item);
  }

  function choose(picker, index) {
    var state = stateOf(picker);
    var match = state.matches[index];
    if (!match) return;
    var input = inputOf(picker);
    if (isMany(picker)) {
      chip(picker, match);
      input.value = '';
    } else {
      valueOf(picker).value = String(match.id);
      input.value = match.label;
      input.dataset.pickerChosen = match.label;
    }
    unsay(picker);
    close(picker);
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /* Typing changes the choice: a text that is no longer the chosen record's name chooses nothing. */
  document.addEventListener('input', function (event) {
    var picker = pickerOf(event.target);
    if (!picker || event.target !== inputOf(picker)) return;
    var input = event.target;
    if (!isMany(picker) && input.value !== input.dataset.pickerChosen) {
      valueOf(picker).value = '';
      delete input.dataset.pickerChosen;
    }
    unsay(picker);
    if (input.value.trim() === '') {
      clearTimeout(stateOf(picker).timer);
      stateOf(picker).timer = null;
      close(picker);
      announce(picker, '');
      return;
    }
    later(picker);
  });

  document.addEventListener('keydown', function (event) {
    var picker = pickerOf(event.target);
    if (!picker || event.target !== inputOf(picker)) return;
    var state = stateOf(picker);
    var open = expanded(picker);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          search(picker);
        } else if (!event.altKey) {
          activate(picker, state.active + (event.key === 'ArrowDown' ? 1 : -1));
        }
        break;
      case 'Enter':
        if (open && state.active >= 0) {
          event.preventDefault();
          choose(picker, state.active);
        } else if (unchosen(picker) && (state.timer || state.controller)) {
          // Typed faster than the matches came: the first match is chosen when it comes.
          event.preventDefault();
          clearTimeout(state.timer);
          state.timer = null;
          state.chooseWhenReady = true;
          if (!state.controller || state.asked !== event.target.value.trim()) search(picker);
        }
        break;
      case 'Tab':
        if (open && state.active >= 0) choose(picker, state.active);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          close(picker);
        } else if (unchosen(picker)) {
          event.preventDefault();
          event.stopPropagation();
          event.target.value = '';
          if (!isMany(picker)) valueOf(picker).value = '';
          unsay(picker);
        }
        break;
      case 'Backspace':
        if (isMany(picker) && event.target.value === '') {
          var last = picker.querySelector('.kervan-picker-chosen li:last-child');
          if (last) last.remove();
        }
        break;
      default:
    }
  });

  /* A tap or a click on the empty box shows the first records, as the arrow key does. */
  document.addEventListener('click', function (event) {
    var picker = pickerOf(event.target);
    if (!picker) return;
    var remove = event.target.closest('.kervan-picker-remove');
    if (remove) {
      remove.closest('li').remove();
      inputOf(picker).focus();
      return;
    }
    var option = event.target.closest('[role="option"]');
    if (option) {
      choose(picker, Number(option.dataset.index));
      inputOf(picker).focus();
      return;
    }
    if (event.target === inputOf(picker) && !expanded(picker)) search(picker);
  });

  /* Choosing with the mouse or a finger keeps the focus in the box, so leaving it is not mistaken for the choice. */
  document.addEventListener('mousedown', function (event) {
    if (event.target.closest && event.target.closest('.kervan-picker-options')) event.preventDefault();
  });

  document.addEventListener('focusout', function (event) {
    var picker = pickerOf(event.target);
    if (!picker || event.target !== inputOf(picker)) return;
    setTimeout(function () {
      if (picker.contains(document.activeElement)) return;
      var state = stateOf(picker);
      if (state.chooseWhenReady) return;
      clearTimeout(state.timer);
      state.timer = null;
      close(picker);
      if (unchosen(picker)) say(picker, inputOf(picker).dataset.pickerUnchosen);
    }, 0);
  });

  /* A form is not sent with a text that chose nothing: the field says so and takes the focus. */
  document.addEventListener('submit', function (event) {
    var first = null;
    event.target.querySelectorAll('.kervan-picker').forEach(function (picker) {
      if (unchosen(picker)) {
        say(picker, inputOf(picker).dataset.pickerUnchosen);
        if (!first) first = inputOf(picker);
      }
    });
    if (first) {
      event.preventDefault();
      event.stopPropagation();
      first.focus();
    }
  }, true);
})();
