/**
 * Posts the comment form in place (no reload) and wires the Reply links. Delegated from
 * document because the form arrives later, inside the server island. Without this script
 * the form still posts and the route redirects back.
 */
type Reply = { ok: boolean; message: string; errors?: Record<string, string>; token?: string };

const FAILED: Reply = {
  ok: false,
  message: 'Your comment could not be sent: check your connection and try again. Your text is still here.',
};

document.addEventListener('submit', async (event) => {
  const form = event.target as HTMLFormElement;
  if (!form.matches('[data-comment-form]')) return;
  event.preventDefault();
  const button = form.querySelector('button');
  const status = form.querySelector<HTMLElement>('[data-status]');
  if (button) button.disabled = true;
  let reply = FAILED;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { Accept: 'application/json' },
    });
    reply = (await response.json()) as Reply;
  } catch {}
  let firstInvalid: HTMLElement | undefined;
  for (const error of form.querySelectorAll<HTMLElement>('[data-error]')) {
    const name = error.dataset['error'] ?? '';
    const text = reply.errors?.[name] ?? '';
    const input = form.elements.namedItem(name) as HTMLElement;
    error.textContent = text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (text) firstInvalid ??= input;
  }
  if (reply.token) (form.elements.namedItem('token') as HTMLInputElement).value = reply.token;
  if (reply.ok) {
    (form.elements.namedItem('comment') as HTMLTextAreaElement).value = '';
    cancelReply(form);
  }
  if (status) {
    status.textContent = reply.message;
    status.dataset['kind'] = reply.ok ? 'ok' : 'error';
  }
  if (button) button.disabled = false;
  (firstInvalid ?? status)?.focus();
});

function cancelReply(form: HTMLFormElement): void {
  (form.elements.namedItem('parent') as HTMLInputElement).value = '';
  form.querySelector<HTMLElement>('[data-replying]')?.setAttribute('hidden', '');
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLElement>('[data-reply],[data-cancel-reply]');
  const form = document.querySelector<HTMLFormElement>('[data-comment-form]');
  if (!link || !form) return;
  event.preventDefault();
  if (link.dataset['reply'] === undefined) return cancelReply(form);
  (form.elements.namedItem('parent') as HTMLInputElement).value = link.dataset['reply'];
  const replying = form.querySelector<HTMLElement>('[data-replying]');
  const name = replying?.querySelector('[data-reply-name]');
  if (name) name.textContent = link.dataset['replyName'] ?? '';
  replying?.removeAttribute('hidden');
  (form.elements.namedItem('comment') as HTMLElement).focus();
});
