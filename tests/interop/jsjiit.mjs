// jsjiit 0.0.24 from npm, unchanged, against a running FakePortal, under Node.
//
// tests/interop/run.py starts this as `node jsjiit.mjs MODULES`, where MODULES
// is the folder npm installed package-lock.json's jsjiit into.  It reads the
// portal's address, the demo student and the number of logins as JSON on
// stdin; Node trusts the portal's CA through NODE_EXTRA_CA_CERTS, and TZ is
// India's, since jsjiit builds its date key from the local day.
//
// It logs in the given number of times in a row, each time with a new
// WebPortal pointed at the portal by its `apiUrl` option, and after each login
// makes the calls jsjiit's README shows, checking each answer.  It prints one
// summary line (and the first failures) and exits 1 on any failure.
//
// jsjiit is a browser library; two things make Node look like its browser:
// - `window`: jsjiit reaches WebCrypto as `window.crypto`.  Node has the same
//   WebCrypto as `globalThis.crypto`, so `window` is made the global object,
//   as it is in a browser.
// - console.log: jsjiit logs every request's options and headers, bearer token
//   included (docs/protocol.md 2.9).  Browsers keep that in the developer console;
//   here it would fill the CI log with tokens, so it is muted, and this driver
//   writes its own lines to stdout directly.

import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CLIENT = "jsjiit 0.0.24";
const SHOWN_FAILURES = 5;
const TWO_HOURS_MS = 2 * 3600 * 1000;

globalThis.window = globalThis;
console.log = () => {};
const say = (line) => process.stdout.write(`${line}\n`);

class CallFailed extends Error {}

class Tally {
  constructor() {
    this.logins = { passed: 0, failed: 0 };
    this.calls = { passed: 0, failed: 0 };
    this.known = new Map();
    this.failures = [];
  }

  login(action) {
    return this.count(this.logins, "student_login", action, () => true);
  }

  call(name, action, check) {
    return this.count(this.calls, name, action, check);
  }

  async count(counter, name, action, check) {
    let reason;
    try {
      const result = await action();
      if (check(result)) {
        counter.passed += 1;
        return result;
      }
      reason = `unexpected answer ${String(JSON.stringify(result)).slice(0, 200)}`;
    } catch (error) {
      reason = `${error.constructor.name}: ${error.message}`;
    }
    counter.failed += 1;
    this.failures.push(`${name}: ${reason.split(/\s+/).join(" ")}`);
    throw new CallFailed(name);
  }

  // A call this client gets wrong (`why`): counted if it goes wrong exactly as `expected` says.
  async knownBug(name, action, expected, why) {
    let outcome;
    try {
      outcome = { result: await action() };
    } catch (error) {
      outcome = { error: `${error.constructor.name}: ${error.message}` };
    }
    if (expected(outcome)) {
      const key = `${name} (${why})`;
      this.known.set(key, (this.known.get(key) ?? 0) + 1);
      return;
    }
    this.calls.failed += 1;
    this.failures.push(`${name}: did not go wrong as expected (${why}): ${JSON.stringify(outcome).slice(0, 200)}`);
  }

  summary() {
    const lines = [
      `${CLIENT}: ${this.logins.passed} passed, ${this.logins.failed} failed logins; ` +
        `calls: ${this.calls.passed} passed, ${this.calls.failed} failed`,
    ];
    for (const [bug, count] of this.known) {
      lines.push(`  known client bug, failed as expected ${count} times: ${bug}`);
    }
    for (const failure of this.failures.slice(0, SHOWN_FAILURES)) {
      lines.push(`  failed: ${failure}`);
    }
    if (this.failures.length > SHOWN_FAILURES) {
      lines.push(`  ... and ${this.failures.length - SHOWN_FAILURES} more failures`);
    }
    return lines.join("\n");
  }
}

async function logIn(WebPortal, config) {
  const portal = new WebPortal({ apiUrl: config.url });
  // README: "login (fingers crossed bestie)", with its default captcha.
  const session = await portal.student_login(config.username, config.password);
  // The claims segment decoded with atob: the expiry is about two hours away.
  const lifetime = session.expiry.getTime() - Date.now();
  if (!(lifetime > TWO_HOURS_MS - 5 * 60 * 1000 && lifetime <= TWO_HOURS_MS + 5000)) {
    throw new Error(`the session expires in ${lifetime} ms, not in about 2 hours`);
  }
  if (session.name !== config.name || session.enrollmentno !== config.username) {
    throw new Error(`the session is ${session.name} (${session.enrollmentno})`);
  }
  return portal;
}

// Every call of the README, in its order, with the README's own choices of semester and subject.
async function documentedCalls(w, tally) {
  const call = tally.call.bind(tally);
  const gradeCardSems = await call("get_semesters_for_grade_card", () => w.get_semesters_for_grade_card(), (s) => s.length);
  await tally.knownBug(
    "get_grade_card",
    () => w.get_grade_card(gradeCardSems[0]),
    // The portal answers HTTP 500 for the missing ids; jsjiit reads no status code and returns undefined.
    (outcome) => "result" in outcome && outcome.result === undefined,
    "reads programid from the wrong place and sends no branchid, docs/protocol.md #25-#26",
  );
  const meta = await call("get_attendance_meta", () => w.get_attendance_meta(), (m) => m.headers.length && m.semesters.length);
  const sem = meta.latest_semester();
  const header = meta.latest_header();
  const attendance = await call("get_attendance", () => w.get_attendance(header, sem), (a) => a.studentattendancelist.length > 1);
  const subject = attendance.studentattendancelist[1];
  const components = ["Lsubjectcomponentid", "Psubjectcomponentid", "Tsubjectcomponentid"]
    .filter((code) => subject[code])
    .map((code) => subject[code]);
  await call(
    "get_subject_daily_attendance",
    () => w.get_subject_daily_attendance(sem, subject.subjectid, subject.individualsubjectcode, components),
    (daily) => daily.studentAttdsummarylist.length,
  );
  await call("get_sgpa_cgpa", () => w.get_sgpa_cgpa(), (sgpa) => sgpa.semesterList.length);
  const marksSems = await call("get_semesters_for_marks", () => w.get_semesters_for_marks(), (s) => s.length > 1);
  await tally.knownBug(
    "download_marks",
    () => w.download_marks(marksSems[1]),
    (outcome) => outcome.error === "APIError: ReferenceError: document is not defined",
    "fetches the PDF, then saves it through the page's document: browsers only",
  );
  const registeredSems = await call("get_registered_semesters", () => w.get_registered_semesters(), (s) => s.length);
  await call(
    "get_registered_subjects_and_faculties",
    () => w.get_registered_subjects_and_faculties(registeredSems[0]),
    (registrations) => registrations.subjects.length && registrations.total_credits,
  );
  const examSems = await call("get_semesters_for_exam_events", () => w.get_semesters_for_exam_events(), (s) => s.length);
  const examEvents = await call("get_exam_events", () => w.get_exam_events(examSems[0]), (events) => events.length);
  await call("get_exam_schedule", () => w.get_exam_schedule(examEvents[0]), (schedule) => schedule.subjectinfo.length);
  await call("get_personal_info", () => w.get_personal_info(), (info) => info.generalinformation);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function main() {
  const modules = process.argv[2];
  if (!modules) {
    throw new Error("usage: node jsjiit.mjs MODULES (the folder npm installed jsjiit into)");
  }
  // jsjiit as npm installed it there, by its own package.json's exports.
  const entry = createRequire(path.join(modules, "package.json")).resolve("jsjiit");
  const { WebPortal } = await import(pathToFileURL(entry).href);
  const config = await readStdin();
  const tally = new Tally();
  for (let round = 0; round < config.logins; round += 1) {
    try {
      const portal = await tally.login(() => logIn(WebPortal, config));
      await documentedCalls(portal, tally);
    } catch (error) {
      if (!(error instanceof CallFailed)) {
        throw error;
      }
      // Counted; the calls after it in this round depend on it.
    }
  }
  say(tally.summary());
  return tally.failures.length ? 1 : 0;
}

process.exitCode = await main();
