"""Derives the whole-CRM sample export (export/) from the CC0 Salesforce sample data.

accounts.csv and contacts.csv are the project's apex-recipes sample (samples/apex-recipes), opportunities.csv is
apex-recipes' Opportunities.csv with legacy ids added and close dates as dates, campaigns.csv its Campaigns.csv (found
next to it) with legacy ids, types, statuses and dates added; the leads, cases, events, tasks, the opportunities' contact
roles and the campaigns' members, which the sample data lacks, are generated from a fixed seed, so the files are the same
on every run: python3 samples/whole-crm/derive.py ../shared/datasets/salesforce-sample/apex-recipes/Opportunities.csv
"""
import csv
import datetime
import random
import shutil
import sys
from pathlib import Path

here = Path(__file__).parent
export = here / "export"
random.seed(20261205)
for name in ("accounts.csv", "contacts.csv"):
    shutil.copy(here.parent / "apex-recipes" / name, export / name)
contacts = list(csv.DictReader(open(export / "contacts.csv", encoding="utf-8")))


def write(name, header, rows):
    with open(export / name, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


opportunities = []
for number, row in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8")), start=1):
    opportunities.append(["OPP-%03d" % number, row["name"], row["StageName"], row["amount"], row["closedate"][:10],
                          row["accountId"].lstrip("@")])
write("opportunities.csv", ["opportunity_id", "name", "stage", "amount", "close_date", "account_id"], opportunities)

roles = ["Decision Maker", "Economic Buyer", "Evaluator", "Influencer", "Technical Buyer"]
contact_roles = []
for opportunity in opportunities:
    of_account = [c["contact_id"] for c in contacts if c["account_id"] == opportunity[5]]
    for contact in of_account[:2]:
        contact_roles.append(["OCR-%03d" % (len(contact_roles) + 1), opportunity[0], contact, random.choice(roles)])
write("opportunity_contacts.csv", ["role_id", "opportunity_id", "contact_id", "role"], contact_roles)

first = ["Ana", "Jean", "Mikko", "Ioana", "Chloé", "Aino", "Pierre", "Elena", "Lauri", "Sofia"]
last = ["Popescu", "Dupont", "Virtanen", "Ionescu", "Martin", "Korhonen", "Bernard", "Stan", "Mäkinen", "Lefèvre"]
companies = ["Nordic Timber Oy", "Atelier Lumière SARL", "Carpați Logistic SRL", "Helios Analytics", "Baltic Foods AB"]
statuses = ["new", "working", "lost"]
leads = []
for number in range(1, 21):
    given, family = random.choice(first), random.choice(last)
    leads.append(["LEAD-%03d" % number, given, family, random.choice(companies),
                  "%s.%s%d@example.org" % (given.lower(), family.lower(), number), random.choice(statuses)])
write("leads.csv", ["lead_id", "first_name", "last_name", "company", "email", "status"], leads)

subjects = ["Invoice question", "Delivery late", "Cannot log in", "Damaged goods", "Address change"]
cases = []
for number in range(1, 21):
    contact = random.choice(contacts)
    cases.append(["CASE-%03d" % number, random.choice(subjects), random.choice(["open", "pending", "closed"]),
                  random.choice(["P1", "P2", "P3"]), contact["account_id"], contact["contact_id"]])
write("cases.csv", ["case_id", "subject", "status", "priority", "account_id", "contact_id"], cases)

events = []
for number in range(1, 31):
    day = "2024-%02d-%02d %02d:00" % (random.randint(1, 12), random.randint(1, 28), random.randint(8, 17))
    if number % 5 == 0:
        # a lead's meeting: a lead has no account, opportunity or case
        lead = random.choice(leads)
        events.append(["EVT-%03d" % number, "Call", day, 30, "Leads", lead[0], ""])
        continue
    contact = random.choice(contacts)
    what = random.choice([contact["account_id"], random.choice(opportunities)[0], random.choice(cases)[0]])
    events.append(["EVT-%03d" % number, "Meeting", day, 60, "Contacts", contact["contact_id"], what])
write("events.csv", ["event_id", "subject", "start", "minutes", "who_type", "who_id", "what_id"], events)

# Tasks come after everything above, so that the files derived before them stay the same: drawn from the same seed,
# in the same order.
tasks = []
cut_off = datetime.date(2024, 2, 1)
for number in range(1, 41):
    # one task in eight was due before the cut-off date: those stay behind
    days = -random.randint(1, 90) if number % 8 == 3 else random.randint(0, 330)
    due = (cut_off + datetime.timedelta(days=days)).isoformat()
    status, priority = random.choice(["open", "in progress", "done", "deferred"]), random.choice(["high", "normal", "low"])
    if number % 4 == 0:
        # a call to make to a lead: a lead has no account, opportunity or case
        lead = random.choice(leads)
        tasks.append(["TSK-%03d" % number, "call", "Call back", due, status, priority, "Leads", lead[0], "",
                      "Asked to be called about a quote"])
        continue
    contact = random.choice(contacts)
    what = random.choice([contact["account_id"], random.choice(opportunities)[0], random.choice(cases)[0]])
    kind = random.choice(["call", "todo"])
    subject = "Follow-up call" if kind == "call" else random.choice(["Send quote", "Prepare renewal", "Check delivery"])
    tasks.append(["TSK-%03d" % number, kind, subject, due, status, priority, "Contacts", contact["contact_id"], what, ""])
write("tasks.csv", ["task_id", "kind", "subject", "due_date", "status", "priority", "who_type", "who_id", "what_id",
                    "notes"], tasks)

campaigns = []
campaign_rows = csv.DictReader(open(Path(sys.argv[1]).parent / "Campaigns.csv", encoding="utf-8"))
for number, row in enumerate(campaign_rows, start=1):
    start = datetime.date(2024, 1, 1) + datetime.timedelta(days=random.randint(0, 300))
    end = start + datetime.timedelta(days=random.choice([14, 30, 60, 90]))
    status = random.choice(["planned", "running", "finished"])
    campaigns.append(["CMP-%03d" % number, row["name"], random.choice(["webinar", "trade show", "mailing", "conference"]),
                      status, start.isoformat(), end.isoformat(), "yes" if status == "running" else "no",
                      row["budgetedCost"], row["actualCost"]])
write("campaigns.csv", ["campaign_id", "name", "type", "status", "start_date", "end_date", "active", "budgeted_cost",
                        "actual_cost"], campaigns)

# each campaign's members: a few contacts and now and then a lead, never the same one twice in a campaign
members = []
for campaign in campaigns:
    for contact in random.sample(contacts, random.randint(2, 4)):
        members.append([campaign[0], contact["contact_id"], ""])
    if random.random() < 0.5:
        members.append([campaign[0], "", random.choice(leads)[0]])
write("campaign_members.csv", ["member_id", "campaign_id", "contact_id", "lead_id", "status"],
      [["CM-%03d" % number] + member + [random.choice(["sent", "responded"])]
       for number, member in enumerate(members, start=1)])

# Owners, hierarchies and converted leads: added last, from a seed of their own, so that every value drawn above stays
# the same. The owners are the legacy CRM's users by e-mail (users.csv, given to the sandbox as its org's users).
extra = random.Random(20261206)
users = ["olivia.reed@cutover-demo.com", "marc.girard@cutover-demo.fr", "ioana.stan@cutover-demo.ro",
         "aino.virtanen@cutover-demo.fi"]


def add_columns(name, columns, values_of):
    rows = list(csv.reader(open(export / name, encoding="utf-8")))
    write(name, rows[0] + columns, [row + values_of(row) for row in rows[1:]])


def account_parent(row):
    # a few subsidiaries, some listed before their parent company, some after
    number = int(row[0][len("AccountRef"):])
    return "AccountRef%d" % (number + 5) if number % 10 == 3 else "AccountRef%d" % (number - 4) if number % 10 == 7 else ""


add_columns("accounts.csv", ["parent_account_id", "owner_email"], lambda row: [account_parent(row), extra.choice(users)])
for name in ("opportunities.csv", "cases.csv"):
    add_columns(name, ["owner_email"], lambda row: [extra.choice(users)])

# converted leads became contacts that carry their activities and memberships: none of these is referred to
referred = {event[5] for event in events} | {task[7] for task in tasks} | {member[2] for member in members}
converted = [lead[0] for lead in leads if lead[0] not in referred][:3]
add_columns("leads.csv", ["owner_email"], lambda row: [extra.choice(users)])
rows = list(csv.reader(open(export / "leads.csv", encoding="utf-8")))
write("leads.csv", rows[0], [row[:5] + ["converted" if row[0] in converted else row[5]] + row[6:] for row in rows[1:]])


def campaign_parent(row):
    number = int(row[0][len("CMP-"):])
    return "CMP-%03d" % (number + 3) if number % 5 == 2 else "CMP-%03d" % (number - 3) if number % 5 == 4 else ""


add_columns("campaigns.csv", ["parent_campaign_id"], lambda row: [campaign_parent(row)])
with open(here / "users.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Username", "Email", "FirstName", "LastName", "IsActive"])
    for email in users:
        given, family = email.split("@")[0].split(".")
        writer.writerow([email, email, given.title(), family.title(), "true"])

# notes and attached files, on accounts, contacts, opportunities, cases and leads (the legacy CRM names the module of
# each parent); a random source of their own, so that the files above stay as they were
import struct
import zlib

attached = random.Random(20261206)
accounts = [row["account_id"] for row in csv.DictReader(open(export / "accounts.csv", encoding="utf-8"))]
cases = list(csv.DictReader(open(export / "cases.csv", encoding="utf-8")))
leads = list(csv.DictReader(open(export / "leads.csv", encoding="utf-8")))
parents = {"Accounts": accounts, "Contacts": [c["contact_id"] for c in contacts],
           "Opportunities": [o[0] for o in opportunities], "Cases": [c["case_id"] for c in cases],
           "Leads": [lead["lead_id"] for lead in leads]}


def parent():
    module = attached.choice(sorted(parents))
    return module, attached.choice(parents[module])


note_texts = [("Call summary", "Spoke with the buyer.\nThey want the renewal quote by Friday & a 5% discount."),
              ("Delivery issue", "Two pallets arrived damaged.\nPhotos are in the case's files.\nReplacement sent."),
              ("Meeting notes", "Agenda:\n- pricing for 2025\n- support hours <9-17>\n- next steps"),
              ("Background", "Family-owned since 1962. Prefers e-mail over phone."),
              ("Credit check", "Credit limit raised to 50,000 EUR after the bank's reference.")]
notes = []
for number in range(1, 16):
    module, parent_id = parent()
    title, body = attached.choice(note_texts)
    notes.append(["NOTE-%03d" % number, module, parent_id, title, body])
write("notes.csv", ["note_id", "parent_type", "parent_id", "title", "body"], notes)


def png(width, height):
    rows = b"".join(b"\x00" + bytes(attached.randrange(256) for _ in range(width * 3)) for _ in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def pdf(text):
    content = b"BT /F1 18 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


files_dir = export / "files"
shutil.rmtree(files_dir, ignore_errors=True)
files_dir.mkdir()
files = []
kinds = [("contract-%02d.pdf", "Signed contract", lambda n: pdf("Contract %d - signed copy" % n)),
         ("site-photo-%02d.png", "Site photo", lambda n: png(48, 32)),
         ("call-log-%02d.txt", "Call log", lambda n: ("Call log %d\n" % n + "\n".join(
             "2024-03-%02d caller asked about the order" % day for day in range(1, 8))).encode("utf-8")),
         ("price-list-%02d.csv", "Price list", lambda n: ("sku,price\n" + "".join(
             "SKU-%03d,%d.%02d\n" % (i, attached.randrange(5, 500), attached.randrange(100)) for i in range(1, 12))
                                                         ).encode("utf-8"))]
for number in range(1, 13):
    name, title, make = kinds[(number - 1) % len(kinds)]
    (files_dir / (name % number)).write_bytes(make(number))
    module, parent_id = parent()
    files.append(["FILE-%03d" % number, module, parent_id, "files/" + name % number, "%s %d" % (title, number)])
write("files.csv", ["file_id", "parent_type", "parent_id", "path", "title"], files)
