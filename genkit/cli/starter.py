"""``genkit new``: a starter profile that city staff can fill in, valid and buildable as is."""

from __future__ import annotations

import json
import re
from pathlib import Path

from genkit.errors import UsageError
from genkit.paths import check_name

STARTER = """\
# Profile for {name}: the one place where the program's facts are written down.
# Every document genkit builds (RFP, job descriptions, briefing sheets, worksheets...) takes its
# facts from here, so a change made here appears the same way everywhere.
#
# How to edit:
#   - Replace every "to be decided" with your program's own information.
#   - Keep the indentation (two spaces per level) and the dashes that start list items.
#   - Times are on the 24-hour clock in quotes, e.g. "09:00" or "21:30".
#   - Yes/no settings take true or false.
#   - Check your work with:  genkit validate {slug}
#   - Build the documents:   genkit build {slug}
# Fields you can use, with descriptions: run  genkit schema

extends: _base          # start from genkit's shared defaults (the evidence FAQ)
status: draft           # draft while you work; final when the facts are checked
as_of: {today}          # the date you last checked these facts (YYYY-MM-DD)

jurisdiction:
  name: {jname}
  short_name: {short}
  state: {state}
  kind: {kind}          # city, county, city_county or region

program:
  name: Community Response Team      # the public name of the program
  full_name: null                    # what an acronym stands for, if the name is one
  host_department: to be decided     # the department that runs the program
  operator: in_house                 # in_house, contracted or hybrid
  summary: >-
    To be decided: two or three sentences saying who the team is, which calls it takes and
    what it does for the people it meets.
  goals:
    - Send the right responder to behavioral health and quality-of-life 911 calls
  team:                              # who goes out on one call
    - {{role: crisis-clinician, title: mental health clinician}}
    - {{role: peer-support, title: peer support specialist}}
  hours:
    days: [mon, tue, wed, thu, fri]
    start: "09:00"
    end: "17:00"
  service_area:
    description: To be decided.
  access:
    via_911: true
    non_emergency_number: null       # e.g. 555-123-4567
    direct_request: false            # can residents ask for the team by name?
  call_types:                        # the 911 calls the team may take
    - {{id: welfare-check, label: Welfare check}}
    - {{id: mental-health-crisis, label: Mental health crisis with no weapon or violence}}
  # To count these calls in your CAD data, give each one the CAD call types that mean it:
  # cad_codes: ["WELFARE CHECK"] (exact) or patterns: ["WELFARE*"] (* means any text).
  exclusions:                        # situations the team never takes alone
    - {{id: weapon, label: A weapon is mentioned or seen, route_to: police}}
    - {{id: medical-emergency, label: A medical emergency, route_to: EMS}}

# The call-taker's questions, in order. Each answer (yes or no) names the next question or an
# outcome; every path must end in an outcome. Outcome kinds: community_team, co_response,
# police, ems, clinician_phone, other.
decision_tree:
  questions:
    - id: medical
      ask: Is this a medical emergency?
      exclusion: medical-emergency
      yes: ems
      no: weapon
    - id: weapon
      ask: Is a weapon mentioned or seen?
      exclusion: weapon
      yes: police
      no: eligible
    - id: eligible
      ask: Is the call one of the team's call types?
      call_types: [welfare-check, mental-health-crisis]
      yes: team-free
      no: police
    - {{id: team-free, ask: Is a team free within service hours?, yes: team, no: police}}
  outcomes:
    - {{id: ems, kind: ems, label: Send fire and EMS}}
    - {{id: police, kind: police, label: Send police}}
    - {{id: team, kind: community_team, label: Send the community response team}}

# 911 call data. To analyze a CAD export, remove the # signs below, put in your export's own
# column names, and run:  genkit calls {slug} EXPORT (.csv, .csv.gz, .xlsx or .parquet)
# calls:
#   columns:
#     call_type: Initial Call Type    # the call type the call-taker chose
#     received: Time Received         # when the call came in
#     arrived: Time Arrived           # optional, like dispatched, cleared, disposition, area
#     source: Call Source             # how the call came in (911, on-view...)
#     area: Beat
#   date_format: "%m/%d/%Y %H:%M:%S"  # text dates only (not ISO, not a workbook's date cells)
#   officer_initiated: [ON-VIEW]      # source values of calls officers started themselves
#   suppress_below: 10                # counts under this are hidden in every document
staffing:                            # one job description and interview guide per position
  scenarios:                         # which of your call types frames each interview scene
    - {{scenario: older-adult-welfare-check, call_type: welfare-check}}
    - {{scenario: sleeping-in-doorway, call_type: welfare-check}}
    - {{scenario: intoxicated-near-traffic, call_type: welfare-check}}
    - {{scenario: suicidal-caller, call_type: mental-health-crisis}}
    - {{scenario: weapon-mentioned, call_type: mental-health-crisis, exclusion: weapon}}
    - {{scenario: distress-in-public, call_type: mental-health-crisis}}
  positions:
    - id: peer-support-specialist    # names the files: job_descriptions/peer-support-specialist.pdf
      title: Peer Support Specialist # the title your jurisdiction uses
      role: peer-support-specialist  # the library role it builds on (see jurisdictions/_hiring)
      team_role: peer-support        # the seat it fills in program.team
      fte: 2
      pay: {{min: 40000, max: 55000}}  # to be decided: your published range
      schedule:
        shifts:
          - {{start: "09:00", end: "17:00"}}
        hours_per_week: 40
      # add_duties: [...] adds to the role's duties; duties: [...] replaces them. The same
      # works for qualifications, certifications, working conditions and competencies.
  training:                          # the paid training before a first shift alone
    weeks: 8                         # to be decided: your program's training period

stakeholders:                        # public-safety partners for the stakeholder worksheet
  - id: call-center
    agency: 911 center (to be decided)
    kind: "911"
    why_invite: Call-takers decide which calls reach the team.
    expertise: Current triage questions, call codes and call volumes.
    priorities: [No added time on calls that need police, fire or EMS]
    likely_questions: [Which calls go to the team, and who decides on a borderline call?]
  - id: police
    agency: Police department (to be decided)
    kind: police
    why_invite: Officers answer most of these calls today.
    expertise: Field knowledge of which calls turn dangerous.
    priorities: [Officer and resident safety]
    likely_questions: [When will the team call for officers?]

# To build the Request for Proposals (rfp/rfp), add a `procurement:` section and the `metrics:`
# its performance standards name. The sample profiles show a complete one:  genkit list durham
# To build the funding and sustainability plan (funding/funding-plan), add a `funding:` section:
# program years, costs and the money planned from each stream; see docs/profiles.md.
briefings:
  text:
    en:
      call_types:                    # the call types in residents' words, for the resident sheet
        welfare-check: A request to check that someone is all right
        mental-health-crisis: Someone in a mental health crisis

# Community briefing sheets are made in English. To add Spanish (or another language), list it
# under briefings.languages and write the sheets' text in that language under briefings.text;
# jurisdictions/durham/profile.yaml shows a complete example. genkit validate names anything
# still missing.
"""


def _split_name(display: str) -> tuple[str, str, str, str]:
    match = re.match(r"^\s*(.+?),\s*([A-Za-z]{2})\s*$", display)
    if not match:
        raise UsageError(f"--name '{display}' should look like \"City of Springfield, IL\"")
    full, state = match.group(1).strip(), match.group(2).upper()
    short = re.sub(r"^(City|County|Town|Village) of\s+", "", full, flags=re.I)
    short = re.sub(r"\s+County$", " County", short)
    kind = "county" if "county" in full.lower() else "city"
    return full, short, state, kind


def write_starter(name: str, display: str, folder: Path) -> Path:
    import datetime as dt

    check_name(name, "jurisdiction")
    full, short, state, kind = _split_name(display)
    target = folder / name / "profile.yaml"
    if target.exists():
        raise UsageError(f"{target} already exists; edit it, or choose another name")
    text = STARTER.format(
        name=full,
        slug=name,
        today=dt.date.today().isoformat(),
        jname=json.dumps(full),
        short=json.dumps(short),
        state=state,
        kind=kind,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".yaml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target
