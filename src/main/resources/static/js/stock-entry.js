/* Stock move entry made for a barcode scanner: a scanner types a code and presses Enter. A product's code or
   barcode adds a line, or counts one more on the line that has it; for a serial-numbered product the next scans
   are its serial numbers. Without JavaScript the form still works with its blank lines. */
(function () {
  'use strict';

  function setUp() {
    var scan = document.getElementById('scan');
    var table = document.getElementById('move-lines');
    if (!scan || !table || scan.dataset.ready) {
      return;
    }
    scan.dataset.ready = 'yes';
    var message = document.getElementById('scan-message');
    var serialLine = null;

    function rows() {
      return Array.prototype.slice.call(table.querySelectorAll('tbody tr.move-line'));
    }

    function field(row, name) {
      return row.querySelector('[name="' + name + '"]');
    }

    function emptyRow() {
      var found = rows().filter(function (row) { return field(row, 'code').value.trim() === ''; })[0];
      if (found) {
        return found;
      }
      var copy = rows()[rows().length - 1].cloneNode(true);
      copy.querySelectorAll('input, textarea').forEach(function (input) {
        input.value = '';
        input.classList.remove('is-invalid');
      });
      copy.querySelectorAll('.invalid-feedback').forEach(function (note) { note.remove(); });
      table.querySelector('tbody').appendChild(copy);
      return copy;
    }

    // The quantity is read and written as the reader types numbers ("1.250,5" in Turkish, Persian digits in
    // Persian); one they typed that is no number stays as it is, for the server to refuse beside it.
    function bump(row, by) {
      var quantity = field(row, 'quantity');
      var counted = KervanNumbers.add(quantity.value, by);
      if (counted !== null) {
        quantity.value = counted;
      }
    }

    function addSerial(row, serial) {
      var serials = field(row, 'serials');
      var list = serials.value.split(/[\s,;]+/).filter(function (s) { return s; });
      if (list.indexOf(serial) >= 0) {
        return;
      }
      list.push(serial);
      serials.value = list.join('\n');
      serials.rows = Math.min(list.length, 6);
      field(row, 'quantity').value = KervanNumbers.write(list.length);
    }

    function scanned(code) {
      message.textContent = '';
      fetch(scan.dataset.lookup + '?code=' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (product) {
          if (!product) {
            if (serialLine) {
              addSerial(serialLine, code);
            } else {
              message.textContent = scan.dataset.unknown + ' ' + code;
            }
            return;
          }
          var row = rows().filter(function (r) {
            var value = field(r, 'code').value.trim().toLowerCase();
            return value === product.code.toLowerCase() || value === code.toLowerCase();
          })[0];
          if (product.tracking === 'SERIAL') {
            serialLine = row || emptyRow();
            field(serialLine, 'code').value = product.code;
            return;
          }
          serialLine = null;
          if (row) {
            bump(row, 1);
          } else {
            row = emptyRow();
            field(row, 'code').value = product.code;
            field(row, 'quantity').value = KervanNumbers.write(1);
          }
        });
    }

    scan.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') {
        return;
      }
      event.preventDefault();
      var code = scan.value.trim();
      scan.value = '';
      if (code) {
        scanned(code);
      }
    });
    var add = document.getElementById('add-line');
    if (add) {
      add.addEventListener('click', function () { field(emptyRow(), 'code').focus(); });
    }
  }

  document.addEventListener('DOMContentLoaded', setUp);
  document.addEventListener('htmx:load', setUp);
  if (document.readyState !== 'loading') {
    setUp();
  }
})();
