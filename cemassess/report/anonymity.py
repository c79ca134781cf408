"""Anonymous reports: the same Results with nobody named.

- Respondents are named by a code (R1, R2... in the assessment's order; the report adds the
  role where it names someone), in comments, disagreement lists and the respondents table.
  The role shown is the merged one: someone alone in a role is "other" there too.
- Role columns (heatmap, perception gaps) stand for at least `MIN_GROUP` people: roles with
  fewer are merged into one "Other" group, which is dropped when it is still too small. The
  respondents of such roles are "Other" wherever the report gives a code with its role
  (R1, Other), so a role held by one person never identifies them.
The scores, phases and roadmap are those of the whole group and do not change.
"""

from __future__ import annotations

import dataclasses

from cemassess.domain.framework import Role
from cemassess.domain.results import Results
from cemassess.domain.scoring import perception_gaps, profile

MIN_GROUP = 2


def code(n: int) -> str:
    return f"R{n}"


def anonymise(res: Results) -> Results:
    a = res.assessment.model_copy(deep=True)
    for n, r in enumerate(a.respondents, 1):
        r.name = code(n)
    groups: dict[Role, list[str]] = {}
    for r in a.respondents:
        groups.setdefault(r.role, []).append(r.id)
    merged: dict[Role, list[str]] = {}
    small: list[str] = []
    for role, rids in groups.items():
        if len(rids) >= MIN_GROUP and role != Role.OTHER:
            merged[role] = rids
        else:
            small += rids
    if len(small) >= MIN_GROUP:
        merged[Role.OTHER] = small
    for r in a.respondents:  # a code beside a role of one would name the person: small roles read "Other"
        if r.id in small:
            r.role = Role.OTHER
    roles = {role: profile(res.framework, a, rids, use_agreed=False)
             for role, rids in sorted(merged.items(), key=lambda kv: list(Role).index(kv[0]))}
    pgaps, dgaps = perception_gaps(res.framework, roles)
    return dataclasses.replace(res, assessment=a, roles=roles, practice_gaps=pgaps, dimension_gaps=dgaps)
