#!/usr/bin/python3
"""Prepares signed-in learners for the load run, through the portal's own forms.

Registers N people, confirms each from the email the portal wrote to its pickup folder, signs
them in, starts a module and reads its lessons, then prints a Lua table with each person's
cookies and the antiforgery token and round their quiz form carries. Nothing here touches the
database directly: what the load run measures is what a person could reach.

usage: setup.py BASE_URL MAIL_DIR COUNT MODULE_SLUG > learners.lua
"""
import email, glob, html, http.cookiejar, os, re, sys, time, urllib.parse, urllib.request

base, mail_dir, count, slug = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
# Not "load ...": the accounts are named "Load Learner N", and a password may not hold its owner's name.
PASSWORD = "tidal meadow lantern 2026"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    """The portal's cookies are Secure (https at the proxy); here the "proxy" is loopback itself."""
    def return_ok_secure(self, cookie, request):
        return True


def browser():
    jar = http.cookiejar.CookieJar(policy=LoopbackPolicy())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    # As a TLS proxy on loopback would say: the portal then sets Secure cookies and checks antiforgery as over https.
    opener.addheaders = [("X-Forwarded-Proto", "https")]
    return opener, jar


def fetch(opener, path, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(base + path, body) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:  # 302 arrives here because redirects are not followed
        return error.code, error.read().decode(), error.headers


def form_fields(page, form_marker=None):
    """Hidden inputs of the first form (or the form containing form_marker)."""
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    form = next((f for f in forms if form_marker is None or form_marker in f), None)
    if form is None:
        raise SystemExit(f"no form {form_marker or ''} on the page:\n{page[:2000]}")
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[html.unescape(attributes["name"])] = html.unescape(attributes.get("value", ""))
    return fields


def confirmation_link(address, deadline=120):
    end = time.time() + deadline
    while time.time() < end:
        for path in glob.glob(os.path.join(mail_dir, "*.eml")):
            with open(path, "rb") as handle:
                message = email.message_from_binary_file(handle)
            if address in message["To"]:
                for part in message.walk():
                    if part.get_content_type() == "text/plain":
                        text = part.get_payload(decode=True).decode()
                        # The link as the text part gives it: alone on its line or in brackets, any case.
                        found = re.search(r"(https?://[^\s()<>\"]*confirmemail[^\s()<>\"]*)", text, re.IGNORECASE)
                        if found:
                            return html.unescape(found.group(1))
        time.sleep(0.2)
    raise SystemExit(f"no confirmation email for {address} in {mail_dir}")


def learner(number):
    opener, jar = browser()
    address = f"load{number}.{int(time.time())}@example.com"
    _, page, _ = fetch(opener, "/Identity/Account/Register")
    fields = form_fields(page)
    fields.update({"Input.Name": f"Load Learner {number}", "Input.Email": address, "Input.Password": PASSWORD, "Input.ConfirmPassword": PASSWORD})
    status, _, _ = fetch(opener, "/Identity/Account/Register", fields)
    assert status == 302, f"register: {status}"
    link = urllib.parse.urlparse(confirmation_link(address))
    status, _, _ = fetch(opener, link.path + "?" + link.query)
    assert status == 200, f"confirm: {status}"

    _, page, _ = fetch(opener, "/Identity/Account/Login")
    fields = form_fields(page)
    fields.update({"Input.Email": address, "Input.Password": PASSWORD})
    status, _, _ = fetch(opener, "/Identity/Account/Login", fields)
    assert status == 302, f"sign in: {status}"

    _, page, _ = fetch(opener, f"/learn/{slug}")
    status, _, headers = fetch(opener, f"/learn/{slug}?handler=Start", form_fields(page))
    assert status == 302, f"start: {status}"
    lesson = 1
    while True:
        _, page, _ = fetch(opener, f"/learn/{slug}/lessons/{lesson}")
        status, _, headers = fetch(opener, f"/learn/{slug}/lessons/{lesson}", form_fields(page))
        if headers["Location"].endswith("/quiz"):
            break
        lesson += 1
    _, page, _ = fetch(opener, f"/learn/{slug}/quiz")
    quiz = form_fields(page, 'class="quiz"')
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    return cookies, quiz["__RequestVerificationToken"], quiz["Input.Version"], int(quiz["Input.Round"]), address


def lua(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    people = [learner(n) for n in range(count)]
    print("return {")
    for cookies, token, version, round_, address in people:
        print(f"  {{ cookie = {lua(cookies)}, token = {lua(token)}, version = {lua(version)}, round = {round_}, email = {lua(address)} }},")
    print("}")
