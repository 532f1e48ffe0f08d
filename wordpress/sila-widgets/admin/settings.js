/**
 * Settings → Sila, "Test connection": WordPress asks the backend first (server side,
 * a REST route of this plugin), then this page asks it directly, as the forms will. When
 * only the second call fails, the backend refuses this site (CORS): show the exact line
 * to add to its settings. Strings and addresses come from the button's data attributes,
 * so there is no inline script.
 */
(function () {
  'use strict';

  var button = document.getElementById('sila-widgets-test');
  var input = document.getElementById('sila-widgets-endpoint');
  var result = document.getElementById('sila-widgets-test-result');
  if (!button || !input || !result) {
    return;
  }
  var messages = JSON.parse(button.dataset.messages);

  function line(text, className) {
    var p = document.createElement('p');
    p.textContent = text;
    if (className) {
      p.className = className;
    }
    result.appendChild(p);
    return p;
  }

  function showAllowedOriginsLine() {
    var box = document.createElement('p');
    box.className = 'sila-widgets-origin-line';
    var code = document.createElement('code');
    code.dir = 'ltr';
    code.textContent = 'SILA_ALLOWED_ORIGINS=' + button.dataset.origins;
    box.appendChild(code);
    if (navigator.clipboard) {
      var copy = document.createElement('button');
      copy.type = 'button';
      copy.className = 'button button-small';
      copy.textContent = messages.copy;
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          copy.textContent = messages.copied;
        });
      });
      box.appendChild(document.createTextNode(' '));
      box.appendChild(copy);
    }
    result.appendChild(box);
  }

  function fromServer(endpoint) {
    return fetch(button.dataset.rest, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': button.dataset.nonce },
      body: JSON.stringify({ endpoint: endpoint }),
    }).then(function (response) {
      return response.json();
    });
  }

  function fromBrowser(url) {
    return fetch(url, { mode: 'cors', credentials: 'omit', cache: 'no-store' }).then(
      function (response) {
        return response.ok;
      },
      function () {
        return false;
      },
    );
  }

  button.addEventListener('click', function () {
    var endpoint = input.value.trim();
    result.textContent = '';
    result.className = 'sila-widgets-test-result';
    if (!endpoint) {
      line(messages.empty, 'sila-widgets-bad');
      input.focus();
      return;
    }
    button.disabled = true;
    line(messages.testing);
    fromServer(endpoint)
      .then(function (server) {
        result.textContent = '';
        if (!server.ok) {
          line(messages.serverFailed + ' ' + server.message, 'sila-widgets-bad');
          return;
        }
        line(messages.serverOk + (server.association ? ' (' + server.association + ')' : ''));
        return fromBrowser(server.url).then(function (ok) {
          if (ok) {
            line(messages.browserOk, 'sila-widgets-good');
          } else {
            line(messages.refused, 'sila-widgets-bad');
            showAllowedOriginsLine();
          }
        });
      })
      .catch(function (error) {
        result.textContent = '';
        line(messages.serverFailed + ' ' + error.message, 'sila-widgets-bad');
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
