"""Checks outloud's JSON report: no error other than the rule ids given.

Usage: outloud_check.py REPORT.json ALLOWED_RULE_ID...
Prints every finding; exits 1 if an error-severity finding has a rule id
not in the allowed list.
"""
import json
import sys

report, allowed = sys.argv[1], set(sys.argv[2:])
with open(report, encoding="utf-8") as f:
    data = json.load(f)
bad = []
for result in data["results"]:
    for finding in result.get("findings", []):
        rule, severity = finding.get("rule"), finding.get("severity")
        print(f"outloud: {severity} {rule}: {finding.get('message')}")
        if severity == "error" and rule not in allowed:
            bad.append(rule)
if bad:
    print(f"outloud: unexpected errors: {', '.join(sorted(set(bad)))}", file=sys.stderr)
    sys.exit(1)
