#!/usr/bin/python3
"""Makes a manager or recruiter of the generated city's large employer (or a city analyst) and prints their cookie header.

Registers an account through the portal's forms and confirms it from the pickup folder, then, as
an admin would, makes it a manager (or recruiter) of the organisation with staff by writing the
membership, the site role and a known authenticator key into the database (staff need two
factors), and signs in with the password and the current code. For a recruiter, a second line
names that organisation's vacancy with the most applications (its pipeline page is measured).

usage: member.py BASE_URL MAIL_DIR sqlite DB_PATH [Manager|Recruiter|Analyst]
       member.py BASE_URL MAIL_DIR postgres PSQL_CONNINFO [Manager|Recruiter|Analyst]
"""
import base64, hashlib, hmac, importlib.util, os, sqlite3, struct, subprocess, sys, time, urllib.parse

base, mail_dir, provider, target = sys.argv[1:5]
role = sys.argv[5] if len(sys.argv) > 5 else "Manager"
assert role in ("Manager", "Recruiter", "Analyst"), role
here = os.path.dirname(os.path.abspath(__file__))
# setup.py's helpers (fetch, form_fields, confirmation_link) read their settings from sys.argv.
sys.argv = [sys.argv[0], base, mail_dir, "0", "duty-of-care"]
spec = importlib.util.spec_from_file_location("setup", os.path.join(here, "setup.py"))
setup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(setup)

opener, jar = setup.browser()
address = f"load.{role.lower()}.{int(time.time())}@example.com"
_, page, _ = setup.fetch(opener, "/Identity/Account/Register")
fields = setup.form_fields(page)
fields.update({"Input.Name": f"Load {role}", "Input.Email": address, "Input.Password": setup.PASSWORD, "Input.ConfirmPassword": setup.PASSWORD})
status, _, _ = setup.fetch(opener, "/Identity/Account/Register", fields)
assert status == 302, f"register: {status}"
link = urllib.parse.urlparse(setup.confirmation_link(address))
status, _, _ = setup.fetch(opener, link.path + "?" + link.query)
assert status == 200, f"confirm: {status}"

sql = [
    """INSERT INTO "Memberships" ("OrganisationId", "UserId", "Role", "Practitioner", "StartedAtUtc")
       SELECT (SELECT "OrganisationId" FROM "Memberships" WHERE "Role" = 'Staff' LIMIT 1), "Id", '{role}', {false}, {now}
       FROM "AspNetUsers" WHERE "NormalizedEmail" = '{email}'""",
    """INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
       SELECT u."Id", r."Id" FROM "AspNetUsers" u, "AspNetRoles" r WHERE u."NormalizedEmail" = '{email}' AND r."NormalizedName" = '{ROLE}'""",
    """INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value")
       SELECT "Id", '[AspNetUserStore]', 'AuthenticatorKey', '{key}' FROM "AspNetUsers" WHERE "NormalizedEmail" = '{email}'""",
    """UPDATE "AspNetUsers" SET "TwoFactorEnabled" = {true} WHERE "NormalizedEmail" = '{email}'""",
]
# An analyst sees the city's figures by their site role alone: no membership of an organisation.
if role == "Analyst":
    sql = sql[1:]
KEY = "LOADLOADLOADLOADLOADLOADLOADLOAD"


def totp(key):
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(key), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)
busiest = """SELECT a."VacancyId" FROM "Applications" a JOIN "Vacancies" v ON v."Id" = a."VacancyId"
       WHERE v."OrganisationId" = (SELECT "OrganisationId" FROM "Memberships" WHERE "Role" = 'Staff' LIMIT 1)
       GROUP BY a."VacancyId" ORDER BY COUNT(*) DESC LIMIT 1"""
if provider == "sqlite":
    with sqlite3.connect(target) as db:
        for statement in sql:
            db.execute(statement.format(false="0", true="1", key=KEY, now="strftime('%Y-%m-%d %H:%M:%S', 'now')", email=address.upper(), role=role, ROLE=role.upper()))
        vacancy = db.execute(busiest).fetchone()[0] if role == "Recruiter" else None
else:
    for statement in sql:
        subprocess.run(["psql", target, "-v", "ON_ERROR_STOP=1", "-q", "-c", statement.format(false="false", true="true", key=KEY, now="now()", email=address.upper(), role=role, ROLE=role.upper())], check=True)
    vacancy = subprocess.run(["psql", target, "-At", "-c", busiest], check=True, capture_output=True, text=True).stdout.strip() if role == "Recruiter" else None

_, page, _ = setup.fetch(opener, "/Identity/Account/Login")
fields = setup.form_fields(page)
fields.update({"Input.Email": address, "Input.Password": setup.PASSWORD})
status, _, headers = setup.fetch(opener, "/Identity/Account/Login", fields)
assert status == 302 and "LoginWith2fa" in headers["Location"], f"sign in: {status} {headers['Location']}"
second = urllib.parse.urlparse(headers["Location"])
second_path = second.path + ("?" + second.query if second.query else "")
_, page, _ = setup.fetch(opener, second_path)
fields = setup.form_fields(page, "TwoFactorCode")
fields.update({"Input.TwoFactorCode": totp(KEY)})
status, _, _ = setup.fetch(opener, second_path, fields)
assert status == 302, f"second step: {status}"
print("; ".join(f"{c.name}={c.value}" for c in jar))
if vacancy:
    # SQLite keeps EF's GUIDs as upper-case text; the portal's URLs use lower case.
    print(str(vacancy).lower())
