// Numbers as people type them, read in the page by the rules the server reads them with (platform.TypedNumbers:
// the grouping and decimal marks of the reader's language, Persian and Arabic-Indic digits, a sign; no currency) and
// written back as the server writes them into inputs (Formats.inputNumber: "1.250,5" in Turkish, "۱٬۲۵۰٫۵" in
// Persian). Pages that count in the browser (stock entry) use it instead of parseFloat, which reads "1.250,5" as 1.25.
(function () {
  'use strict';

  var PERSIAN_DECIMAL = '\u066b';
  var PERSIAN_GROUPING = '\u066c';
  var LONGEST = 100;

  function language() {
    return document.documentElement.lang || 'en';
  }

  // Latin digits, one kind of space and the ASCII minus; no direction marks.
  function normalized(text) {
    return String(text).trim()
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u200e\u200f\u061c]/g, '')
      .replace(/[\u00a0\u202f\u2009\u2007\t]/g, ' ')
      .replace(/\u2212/g, '-');
  }

  // The digits of a whole number grouped by mark in thousands, without the marks; null when not grouped so.
  function grouped(whole, mark) {
    var groups = whole.split(mark);
    if (groups.length < 2 || !groups[0] || groups[0].length > 3 || groups[0].charAt(0) === '0') {
      return null;
    }
    for (var i = 1; i < groups.length; i++) {
      if (groups[i].length !== 3) {
        return null;
      }
    }
    return groups.join('');
  }

  function decimal(whole, fraction) {
    if (whole === null || !fraction || !/^[0-9]*$/.test(whole)) {
      return null;
    }
    return (whole || '0') + '.' + fraction;
  }

  // The digits and marks of a number as a plain decimal ("12500.50"), or null when the marks say nothing sure.
  function plain(body, decimalMark) {
    var marks = [];
    for (var i = 0; i < body.length; i++) {
      var c = body.charAt(i);
      if ((c < '0' || c > '9') && marks.indexOf(c) < 0) {
        marks.push(c);
      }
    }
    if (marks.length === 0) {
      return body;
    }
    if (marks.length > 2) {
      return null;
    }
    if (marks.length === 2) {
      var last = body.search(/[^0-9][0-9]*$/);
      var mark = body.charAt(last);
      var grouping = marks[0] === mark ? marks[1] : marks[0];
      if ('.,\u066b'.indexOf(mark) < 0 || grouping === PERSIAN_DECIMAL || body.indexOf(mark) !== last) {
        return null;
      }
      return decimal(grouped(body.substring(0, last), grouping), body.substring(last + 1));
    }
    var only = marks[0];
    if (only === ' ' || only === PERSIAN_GROUPING) {
      return grouped(body, only);
    }
    var at = body.indexOf(only);
    var once = body.indexOf(only, at + 1) < 0;
    if (only === PERSIAN_DECIMAL || once && only === decimalMark) {
      return once ? decimal(body.substring(0, at), body.substring(at + 1)) : null;
    }
    var whole = grouped(body, only);
    return whole !== null || !once ? whole : decimal(body.substring(0, at), body.substring(at + 1));
  }

  // The number typed in the language (the page's by default) as a plain decimal string ("-1250.5"); null if none.
  function read(text, lang) {
    if (text === null || text === undefined) {
      return null;
    }
    var normal = normalized(text);
    if (!normal || normal.length > LONGEST) {
      return null;
    }
    var parts = /^([-+]?) *([0-9.,\u066b\u066c](?:[0-9., \u066b\u066c]*[0-9.,\u066b\u066c])?)$/.exec(normal);
    if (!parts) {
      return null;
    }
    var decimalMark = (lang || language()).split('-')[0] === 'tr' ? ',' : '.';
    var number = plain(parts[2], decimalMark);
    return number === null ? null : (parts[1] === '-' ? '-' : '') + number;
  }

  function decimals(plainNumber) {
    var point = plainNumber.indexOf('.');
    return point < 0 ? 0 : plainNumber.length - point - 1;
  }

  // The number as the reader types it, with the given count of decimals.
  function write(number, fractionDigits, lang) {
    return new Intl.NumberFormat(lang || language(), {
      minimumFractionDigits: fractionDigits || 0, maximumFractionDigits: fractionDigits || 0
    }).format(number);
  }

  // The typed number plus a whole amount, written as the reader types it with the decimals they typed; a blank
  // counts as 0; null when the text is no number, which is left for the server to refuse beside its field.
  function add(text, amount, lang) {
    var number = String(text || '').trim() === '' ? '0' : read(text, lang);
    return number === null ? null : write(Number(number) + amount, decimals(number), lang);
  }

  window.KervanNumbers = { read: read, write: write, add: add };
})();
