// The calendar of a date input (templates/fragments/fields.html :: dateGroup). The button beside the input opens a
// month to pick a day from, in the reader's calendar (Gregorian, or Solar Hijri counted here as ICU counts it on the
// server), and writes the day into the input the way the reader types dates (data-date-pattern, data-date-digits).
// Keyboard: Alt+ArrowDown in the input opens it; arrows move by day and week, Page Up/Down by month (with Shift by
// year), Home/End to the week's ends, Enter picks, Escape closes. Without this script a typed date works.
(function () {
  'use strict';

  var DAY = 86400000;
  var UNIX_EPOCH = 2440588; // the Julian day number of 1970-01-01
  var PERSIAN_EPOCH = 1948320; // the Julian day number of 1 Farvardin 1
  var PERSIAN_MONTH_START = [0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336];

  // ICU's PersianCalendar.NonLeapYears: years the 33-year rule makes leap that are not (1502 is 2123).
  var PERSIAN_NOT_LEAP = {};
  [1502, 1601, 1634, 1667, 1700, 1733, 1766, 1799, 1832, 1865, 1898, 1931, 1964, 1997, 2030, 2059, 2063, 2096, 2129,
    2158, 2162, 2191, 2195, 2224, 2228, 2257, 2261, 2290, 2294, 2323, 2327, 2356, 2360, 2389, 2393, 2422, 2426, 2455,
    2459, 2488, 2492, 2521, 2525, 2554, 2558, 2587, 2591, 2620, 2624, 2653, 2657, 2686, 2690, 2719, 2723, 2748, 2752,
    2756, 2781, 2785, 2789, 2818, 2822, 2847, 2851, 2855, 2880, 2884, 2888, 2913, 2917, 2921, 2946, 2950, 2954, 2979,
    2983, 2987].forEach(function (year) { PERSIAN_NOT_LEAP[year] = true; });

  function floorDiv(a, b) { return Math.floor(a / b); }

  // Days from the epoch to 1 Farvardin of the year.
  function persianNewYear(year) {
    return 365 * (year - 1) + floorDiv(8 * year + 21, 33) - (PERSIAN_NOT_LEAP[year - 1] ? 1 : 0);
  }

  // Days are Julian day numbers; each calendar turns them into [year, month, day] and back.
  var calendars = {
    gregorian: {
      toDay: function (year, month, day) {
        var date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        return floorDiv(date.getTime(), DAY) + UNIX_EPOCH;
      },
      fromDay: function (jd) {
        var date = new Date((jd - UNIX_EPOCH) * DAY);
        return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      }
    },
    // ICU's PersianCalendar, which the server reads dates with: a year is leap when (25 * year + 11) mod 33 < 8,
    // except the years of ICU's table above, which are not, and whose next years are instead.
    persian: {
      toDay: function (year, month, day) {
        return PERSIAN_EPOCH - 1 + persianNewYear(year) + PERSIAN_MONTH_START[month - 1] + day;
      },
      fromDay: function (jd) {
        var days = jd - PERSIAN_EPOCH;
        var year = 1 + floorDiv(33 * days + 3, 12053);
        var dayOfYear = days - persianNewYear(year);
        if (dayOfYear === 365 && PERSIAN_NOT_LEAP[year]) {
          year++;
          dayOfYear = 0;
        }
        var month = dayOfYear < 216 ? floorDiv(dayOfYear, 31) : floorDiv(dayOfYear - 6, 30);
        return [year, month + 1, dayOfYear - PERSIAN_MONTH_START[month] + 1];
      }
    }
  };
  window.KervanCalendars = calendars;

  function monthLength(calendar, year, month) {
    var next = month === 12 ? [year + 1, 1] : [year, month + 1];
    return calendar.toDay(next[0], next[1], 1) - calendar.toDay(year, month, 1);
  }

  function weekday(jd) { return (jd + 1) % 7; } // 0 is Sunday

  function settings(input) {
    var data = input.dataset;
    return {
      calendar: calendars[data.dateCalendar] || calendars.gregorian,
      persian: data.dateCalendar === 'persian',
      pattern: data.datePattern || 'yyyy-MM-dd',
      digits: data.dateDigits || '0123456789',
      months: (data.dateMonths || '').split('|'),
      weekdays: (data.dateWeekdays || '').split('|'),
      firstDay: parseInt(data.dateFirstDay || '0', 10),
      previous: data.datePrevious || '',
      next: data.dateNext || ''
    };
  }

  function written(text, digits) {
    return String(text).replace(/[0-9]/g, function (d) { return digits.charAt(+d); });
  }

  function latin(text) {
    return text.replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); });
  }

  function pad(value, width) {
    var text = String(value);
    while (text.length < width) text = '0' + text;
    return text;
  }

  function format(jd, s) {
    var parts = s.calendar.fromDay(jd);
    var text = s.pattern.replace(/y+|M+|d+/g, function (field) {
      var value = field.charAt(0) === 'y' ? parts[0] : field.charAt(0) === 'M' ? parts[1] : parts[2];
      return pad(value, field.length);
    });
    return written(text, s.digits);
  }

  // The day typed in the input, read as the server reads it (platform.TypedDates), or null.
  function typedDay(text, s) {
    var match = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$/.exec(latin(text).replace(/[\u200e\u200f\u061c]/g, '').trim());
    if (!match) return null;
    var year, month, day;
    if (match[1].length === 4 && match[4].length <= 2) {
      year = +match[1]; month = +match[3]; day = +match[4];
    } else if (match[4].length === 4 && match[1].length <= 2) {
      var monthFirst = s.pattern.charAt(0) === 'M';
      year = +match[4]; month = +(monthFirst ? match[1] : match[3]); day = +(monthFirst ? match[3] : match[1]);
    } else {
      return null;
    }
    var calendar = s.persian && year < 1700 ? calendars.persian : calendars.gregorian;
    if (month < 1 || month > 12 || day < 1 || day > monthLength(calendar, year, month)) return null;
    return calendar.toDay(year, month, day);
  }

  function today() {
    var now = new Date();
    return calendars.gregorian.toDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  var open = null; // { input, button, popup, s, focused }

  function close(returnFocus) {
    if (!open) return;
    var was = open;
    open = null;
    was.popup.remove();
    was.button.setAttribute('aria-expanded', 'false');
    window.removeEventListener('resize', place);
    window.removeEventListener('scroll', place, true);
    if (returnFocus) was.input.focus();
  }

  function place() {
    if (!open) return;
    var box = open.input.getBoundingClientRect();
    var popup = open.popup;
    var top = box.bottom + 4;
    if (top + popup.offsetHeight > window.innerHeight && box.top - popup.offsetHeight - 4 > 0) {
      top = box.top - popup.offsetHeight - 4;
    }
    var rtl = getComputedStyle(open.input).direction === 'rtl' || document.documentElement.dir === 'rtl';
    var left = rtl ? box.right - popup.offsetWidth : box.left;
    popup.style.top = top + 'px';
    popup.style.left = Math.max(4, Math.min(left, window.innerWidth - popup.offsetWidth - 4)) + 'px';
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(focusDay) {
    var s = open.s;
    var calendar = s.calendar;
    var parts = calendar.fromDay(focusDay);
    var first = calendar.toDay(parts[0], parts[1], 1);
    var length = monthLength(calendar, parts[0], parts[1]);
    var chosen = typedDay(open.input.value, s);
    var now = today();
    open.focused = focusDay;

    var popup = open.popup;
    popup.textContent = '';
    var head = element('div', 'kervan-calendar-head');
    var previous = element('button', 'btn btn-sm btn-link kervan-calendar-step');
    previous.type = 'button';
    previous.dataset.step = '-1';
    previous.setAttribute('aria-label', s.previous);
    previous.appendChild(element('i', 'bi bi-chevron-left')).setAttribute('aria-hidden', 'true');
    var title = element('div', 'kervan-calendar-title', s.months[parts[1] - 1] + ' ' + written(parts[0], s.digits));
    title.id = 'kervan-calendar-title';
    title.setAttribute('aria-live', 'polite');
    var next = element('button', 'btn btn-sm btn-link kervan-calendar-step');
    next.type = 'button';
    next.dataset.step = '1';
    next.setAttribute('aria-label', s.next);
    next.appendChild(element('i', 'bi bi-chevron-right')).setAttribute('aria-hidden', 'true');
    head.appendChild(previous);
    head.appendChild(title);
    head.appendChild(next);
    popup.appendChild(head);

    var grid = element('table', 'kervan-calendar-grid');
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-labelledby', title.id);
    var headRow = element('tr');
    for (var i = 0; i < 7; i++) {
      var name = element('th', null, s.weekdays[(s.firstDay + i) % 7] || '');
      name.scope = 'col';
      headRow.appendChild(name);
    }
    grid.appendChild(element('thead')).appendChild(headRow);
    var body = grid.appendChild(element('tbody'));
    var offset = (weekday(first) - s.firstDay + 7) % 7;
    var row = null;
    for (var cell = 0; cell < offset + length || cell % 7 !== 0; cell++) {
      if (cell % 7 === 0) row = body.appendChild(element('tr'));
      var td = row.appendChild(element('td'));
      td.setAttribute('role', 'gridcell');
      var jd = first + cell - offset;
      if (cell < offset || jd >= first + length) continue;
      var day = element('button', 'kervan-calendar-day', written(jd - first + 1, s.digits));
      day.type = 'button';
      day.dataset.day = String(jd);
      day.tabIndex = jd === focusDay ? 0 : -1;
      day.setAttribute('aria-label', format(jd, s));
      if (jd === chosen) {
        day.classList.add('active');
        day.setAttribute('aria-selected', 'true');
      }
      if (jd === now) day.setAttribute('aria-current', 'date');
      td.appendChild(day);
    }
    popup.appendChild(grid);
  }

  function focusDay(jd) {
    var shown = open.popup.querySelector('[data-day="' + jd + '"]');
    if (!shown) {
      render(jd);
      shown = open.popup.querySelector('[data-day="' + jd + '"]');
    } else {
      open.popup.querySelectorAll('.kervan-calendar-day').forEach(function (day) { day.tabIndex = -1; });
      shown.tabIndex = 0;
      open.focused = jd;
    }
    shown.focus();
  }

  // The same day of the month a number of months away, or the month's last day when it is shorter.
  function monthsAway(jd, months) {
    var calendar = open.s.calendar;
    var parts = calendar.fromDay(jd);
    var index = parts[0] * 12 + parts[1] - 1 + months;
    var year = floorDiv(index, 12);
    var month = index - year * 12 + 1;
    return calendar.toDay(year, month, Math.min(parts[2], monthLength(calendar, year, month)));
  }

  function show(input, button) {
    close(false);
    var popup = element('div', 'kervan-calendar card shadow');
    popup.setAttribute('role', 'dialog');
    popup.setAttribute('aria-label', button.getAttribute('aria-label') || '');
    open = { input: input, button: button, popup: popup, s: settings(input), focused: 0 };
    document.body.appendChild(popup);
    button.setAttribute('aria-expanded', 'true');
    var start = typedDay(input.value, open.s) || today();
    render(start);
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    popup.addEventListener('click', clicked);
    popup.addEventListener('keydown', pressed);
    // Focus leaving the popup closes it. Drawing another month takes out the focused day, which moves the focus for a
    // moment: look once the drawing is done.
    popup.addEventListener('focusout', function () {
      setTimeout(function () {
        var now = document.activeElement;
        if (open && open.popup === popup && !popup.contains(now) && now !== button && now !== input) close(false);
      }, 0);
    });
    focusDay(start);
  }

  function pick(jd) {
    var input = open.input;
    input.value = format(jd, open.s);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    close(true);
  }

  function clicked(event) {
    var step = event.target.closest('[data-step]');
    if (step) {
      render(monthsAway(open.focused, parseInt(step.dataset.step, 10)));
      open.popup.querySelector('[data-step="' + step.dataset.step + '"]').focus();
      return;
    }
    var day = event.target.closest('[data-day]');
    if (day) pick(parseInt(day.dataset.day, 10));
  }

  function pressed(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (!event.target.closest('[data-day]')) return;
    var rtl = document.documentElement.dir === 'rtl';
    var jd = open.focused;
    var s = open.s;
    var target = null;
    switch (event.key) {
      case 'ArrowLeft': target = jd + (rtl ? 1 : -1); break;
      case 'ArrowRight': target = jd + (rtl ? -1 : 1); break;
      case 'ArrowUp': target = jd - 7; break;
      case 'ArrowDown': target = jd + 7; break;
      case 'PageUp': target = monthsAway(jd, event.shiftKey ? -12 : -1); break;
      case 'PageDown': target = monthsAway(jd, event.shiftKey ? 12 : 1); break;
      case 'Home': target = jd - (weekday(jd) - s.firstDay + 7) % 7; break;
      case 'End': target = jd + 6 - (weekday(jd) - s.firstDay + 7) % 7; break;
      default: return;
    }
    event.preventDefault();
    focusDay(target);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.kervan-date-button');
    if (button) {
      var input = button.parentElement.querySelector('input[data-date-pattern]');
      if (open && open.button === button) close(true);
      else if (input) show(input, button);
      return;
    }
    // The path, not contains(): a click on the month's arrows has re-drawn the popup and taken its target out.
    if (open && event.composedPath().indexOf(open.popup) < 0) close(false);
  });

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (event.altKey && event.key === 'ArrowDown' && input.matches && input.matches('input[data-date-pattern]')) {
      var button = input.parentElement.querySelector('.kervan-date-button');
      if (button) {
        event.preventDefault();
        show(input, button);
      }
    }
  });

  // The buttons are hidden until this script can open what they promise.
  function reveal(root) {
    if (root && root.querySelectorAll) {
      root.querySelectorAll('.kervan-date-button[hidden]').forEach(function (button) { button.hidden = false; });
    }
  }
  document.addEventListener('DOMContentLoaded', function () { reveal(document); });
  document.addEventListener('htmx:load', function (event) { reveal(event.detail && event.detail.elt); });
  document.addEventListener('htmx:beforeSwap', function () { close(false); });
})();
