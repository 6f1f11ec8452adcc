// Passkeys on the sign-in, second-step and account pages. An enhancement: every page works without
// it, and where the browser cannot use passkeys the forms stay hidden and a note says so.
// A form marked data-passkey="create" or "request" asks its data-passkey-options URL for the
// ceremony's options, lets the browser (and the phone's screen lock) answer, and posts the answer.
(() => {
  'use strict';
  const supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) {
    note.hidden = supported;
  }
  if (!supported) {
    return;
  }
  for (const form of document.querySelectorAll('form[data-passkey]')) {
    const button = form.querySelector('[data-passkey-start]');
    form.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
      try {
        const response = await fetch(form.dataset.passkeyOptions, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { RequestVerificationToken: token },
        });
        if (!response.ok) {
          throw new Error('The options request answered ' + response.status);
        }
        const options = await response.json();
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements['Passkey.CredentialJson'].value = JSON.stringify(credential);
      } catch (error) {
        form.elements['Passkey.Error'].value = error && error.name === 'NotAllowedError' ? 'cancelled' : 'failed';
      }
      form.submit();
    });
  }
})();
