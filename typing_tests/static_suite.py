"""Plans and runs the static suite (every checker x every target) and renders
``results.md``.  Used by test_static.py and bench.py."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import envs
import harness
from harness import CHECKERS, Outcome

RESULTS = harness.TESTS / "results.md"
TOOLS = Path(sys.executable).parent

# Lines whose message every checker's user sees, with the names a good message
# contains (the parameter or the expected type).
MESSAGE_SAMPLES: list[tuple[str, str, tuple[str, ...]]] = [
    ("wrong_type.py", "tasks.add_task(send_email, 42, 3)", ("to", "str")),
    ("missing_argument.py", 'tasks.add_task(send_email, "a@example.com")', ("subject",)),
    ("extra_positional.py", 'tasks.add_task(log_event, "signup", "extra")', ("1", "positional")),
    ("unknown_keyword.py", 'tasks.add_task(resize, "a.png", height=20)', ("height",)),
    ("duplicate_keyword.py", 'tasks.add_task(store, "k", 1, key="k")', ("key",)),
    ("keyword_only.py", 'tasks.add_task(notify, 1, "sms")', ("channel", "positional")),
    ("positional_only.py", 'tasks.add_task(charge, "acc", amount=10)', ("amount",)),
    ("non_callables.py", "tasks.add_task(42)", ("Callable", "callable")),
    ("func_keyword.py", 'tasks.add_task(configure, func="x")', ("func",)),
    ("run_in_threadpool.py", 'await run_in_threadpool(compute, "2", "ab")', ("a", "int")),
    ("background_task.py", "BackgroundTask(cleanup)", ("path",)),
]


def write_requested() -> bool:
    return os.environ.get("WRITE_RESULTS") == "1"


def target_id(t: envs.Target) -> str:
    return f"{t.python}/{t.release}"


def planned_ids() -> list[str]:
    _, targets = envs.load_matrix()
    return [f"{name}@{target_id(t)}" for t in targets for name in CHECKERS]


@functools.cache
def checker_versions() -> dict[str, str]:
    out = {}
    for name, checker in CHECKERS.items():
        exe = TOOLS / checker.version[0]
        try:
            proc = subprocess.run(
                [str(exe), *checker.version[1:]],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            out[name] = (proc.stdout.strip() or proc.stderr.strip()).splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired) as exc:
            out[name] = f"unavailable ({exc})"
    return out


def run_all(workers: int = 2) -> dict[str, Outcome]:
    releases, targets = envs.load_matrix()
    all_cases = harness.load_cases()
    xfails = harness.load_expected_failures()
    jobs, ids, outcomes = [], [], {}
    for t in targets:
        tid = target_id(t)
        release = releases[t.release]
        cases = [c for c in all_cases if release.fastapi or not c.needs_fastapi]
        try:
            python = envs.venv(release, t.interpreter)
        except envs.EnvError as exc:
            for name in CHECKERS:
                outcomes[f"{name}@{tid}"] = Outcome(name, tid, error=f"{tid}: {exc}")
            continue
        run = harness.Run(
            python,
            t.python,
            tuple(c.path for c in cases),
            envs.VENVS / "cache" / tid.replace("/", "-"),
        )
        for name, checker in CHECKERS.items():
            jid = f"{name}@{tid}"
            if not checker.supports(t.python):
                outcomes[jid] = Outcome(
                    name,
                    tid,
                    skipped=(
                        f"{name} {checker_versions()[name]} does not accept "
                        f"--python-version {t.python} (needs >= {checker.min_python})"
                    ),
                )
                continue
            ids.append(jid)
            jobs.append(
                functools.partial(harness.check_target, checker, tid, run, cases, xfails, TOOLS)
            )
    for jid, outcome in zip(ids, harness.run_parallel(jobs, workers)):
        outcomes[jid] = outcome
    return outcomes


def _cell(outcomes: list[Outcome], case: str | None = None) -> str:
    """One table cell: pass / pass with N expected failures / FAIL with lines."""
    ran = [o for o in outcomes if not o.skipped]
    if not ran:
        return "n/a"
    bad: list[str] = []
    xfail_lines: set[str] = set()
    for o in ran:
        if o.error:
            bad.append(f"checker error on {o.target}")
            continue
        bad += [
            f"{f} [{o.target}]"
            for f in (
                o.per_case.get(case, [])
                if case
                else [f"missed {m.split(': ')[0]}" for m in o.missed]
                + [f"unexpected {u.split(': ')[0]}" for u in o.unexpected]
            )
        ]
        bad += [
            f"XPASS {x.case}: {x.code} [{o.target}]"
            for x in o.xpassed
            if case is None or x.case == case
        ]
        xfail_lines |= {
            where for where, _ in o.xfailed if case is None or where.startswith(case + ":")
        }
    if bad:
        return f"FAIL ({len(bad)}): " + "; ".join(bad[:3]) + (" ..." if len(bad) > 3 else "")
    if xfail_lines:
        lines = ", ".join(sorted(w.split(":")[1] for w in xfail_lines)) if case else ""
        return f"pass, xfail line {lines}" if case else f"pass, {len(xfail_lines)} xfail"
    return "pass"


def _table_head(title: str, first: str, names: list[str]) -> list[str]:
    return [
        "",
        f"## {title}",
        "",
        f"| {first} | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]


def render_results(outcomes: dict[str, Outcome]) -> str:
    releases, targets = envs.load_matrix()
    cases = harness.load_cases()
    names = list(CHECKERS)
    versions = checker_versions()
    tids = [target_id(t) for t in targets]
    out = [
        "# Typing suite results",
        "",
        "Generated by `WRITE_RESULTS=1 python -m pytest typing_tests/test_static.py`"
        " (CI fails when this file is stale). Each checker runs once per target over"
        " all case files the target's release can import.",
        "",
        "| checker | version | config |",
        "|---|---|---|",
    ]
    out += [f"| {n} | {versions[n]} | {CHECKERS[n].config} |" for n in names]
    out += _table_head("Checker x target", "target (python/release)", names)
    for tid in tids:
        row = []
        for n in names:
            o = outcomes.get(f"{n}@{tid}")
            row.append(_cell([o]) if o else "not run")
        out.append(f"| {tid} | " + " | ".join(row) + " |")
    out += _table_head("Checker x case file (all targets)", "case", names)
    for c in cases:
        row = []
        for n in names:
            os_ = [o for k, o in outcomes.items() if k.startswith(n + "@")]
            applicable = [
                o for o in os_ if releases[o.target.split("/", 1)[1]].fastapi or not c.needs_fastapi
            ]
            row.append(_cell(applicable, c.name) if applicable else "n/a")
        rejected = sum(1 for m in c.markers.values() if not m.optional)
        out.append(f"| {c.name} ({rejected} E) | " + " | ".join(row) + " |")
    out += [
        "",
        "## Expected failures",
        "",
        "| checker | case | line | kind | targets | reason | upstream |",
        "|---|---|---|---|---|---|---|",
    ]
    for x in harness.load_expected_failures():
        tg = ", ".join(x.targets) if x.targets else "all"
        out.append(
            f"| {x.checker} | {x.case} | `{x.code}` | {x.kind} | {tg} | {x.reason} | {x.link} |"
        )
    out += [
        "",
        "## Error messages",
        "",
        "What each checker says on a few rejected lines (newest target"
        f" `{tids[-2] if len(tids) > 1 else tids[-1]}`). *(vague)*: the message names"
        " neither the parameter nor the expected type.",
        "",
    ]
    newest = tids[-2] if len(tids) > 1 else tids[-1]
    by_case = {c.name: c for c in cases}
    for case_name, code, names_expected in MESSAGE_SAMPLES:
        case = by_case.get(case_name)
        if case is None:
            continue
        line = next((ln for ln in case.markers if case.text(ln) == code), None)
        if line is None:
            continue
        out.append(f"### `{code}` ({case_name}:{line})")
        out.append("")
        for n in names:
            o = outcomes.get(f"{n}@{newest}")
            msgs = o.errors_by_line.get((case_name, line), []) if o else []
            text = " / ".join(msgs) if msgs else "(no error)"
            vague = "" if any(w in text for w in names_expected) else " *(vague)*"
            text = text.replace("|", "\\|")
            out.append(f"- **{n}**: {text}{vague}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
