/** The Python script that runs pytest or unittest, reports each test as a JSON line, and can trace executed lines. */

/**
 * Run as `python -B bootstrap.py config.json`. The config holds `mode` (`pytest` | `unittest`), `files`
 * (relative test files, or null for the whole suite), `results` (JSON lines out) and optionally `coverage`
 * (JSON out) with `trace` (relative source files whose lines to record). Lines are recorded per test file,
 * with sys.monitoring on Python 3.12+ and sys.settrace before.
 */
export const pythonBootstrap = String.raw`
import json, os, re, sys, threading, traceback

config = json.load(open(sys.argv[1], encoding='utf-8'))
cwd = os.getcwd()
real_cwd = os.path.realpath(cwd)
sys.path[0] = cwd
# A src layout installed in editable mode points at the user's tree; the worktree's copy must win.
if os.path.isdir(os.path.join(cwd, 'src')):
    sys.path.insert(1, os.path.join(cwd, 'src'))
out = open(config['results'], 'a', encoding='utf-8')


def emit(record):
    out.write(json.dumps(record) + '\n')
    out.flush()


def rel(path):
    try:
        return os.path.relpath(os.path.realpath(path), real_cwd).replace(os.sep, '/')
    except ValueError:
        return path


def crash_text(text):
    lines = [line for line in str(text).splitlines() if line.strip()]
    marked = [line[1:].strip() for line in lines if line.startswith('E ')]
    return '\n'.join(marked[:3]) if marked else (lines[-1] if lines else '')


class Tracer:
    def __init__(self, files):
        self.targets = {os.path.realpath(os.path.join(cwd, f)): f for f in files}
        self.cache = {}
        self.current = ''
        self.lines = {}
        self.monitoring = getattr(sys, 'monitoring', None)

    def match(self, filename):
        hit = self.cache.get(filename)
        if hit is None:
            hit = self.targets.get(os.path.realpath(os.path.join(cwd, filename)), '') if filename else ''
            self.cache[filename] = hit
        return hit

    def record(self, target, line):
        self.lines.setdefault(self.current, {}).setdefault(target, set()).add(line)

    def set_current(self, test_file):
        if test_file != self.current:
            self.current = test_file
            if self.monitoring:
                self.monitoring.restart_events()

    def start(self):
        if self.monitoring:
            mon = self.monitoring
            for tool in (mon.COVERAGE_ID, 4, 3, 0):
                try:
                    mon.use_tool_id(tool, 'codewright')
                    break
                except ValueError:
                    continue

            def on_line(code, line):
                target = self.match(code.co_filename)
                if target:
                    self.record(target, line)
                return mon.DISABLE

            mon.register_callback(tool, mon.events.LINE, on_line)
            mon.set_events(tool, mon.events.LINE)
        else:
            sys.settrace(self.trace_call)
            threading.settrace(self.trace_call)

    def trace_call(self, frame, event, arg):
        target = self.match(frame.f_code.co_filename)
        if not target:
            return None

        def trace_line(frame, event, arg):
            if event == 'line':
                self.record(target, frame.f_lineno)
            return trace_line

        return trace_line

    def write(self, path):
        files, by_test = {}, {}
        for test_file, per_file in self.lines.items():
            for target, lines in per_file.items():
                files.setdefault(target, set()).update(lines)
                if test_file:
                    by_test.setdefault(test_file, {})[target] = sorted(lines)
        report = {'files': {}, 'byTest': by_test}
        for target in self.targets.values():
            report['files'][target] = {'executable': executable_lines(target), 'executed': sorted(files.get(target, ()))}
        with open(path, 'w', encoding='utf-8') as handle:
            json.dump(report, handle)


def executable_lines(path):
    try:
        with open(os.path.join(cwd, path), encoding='utf-8') as handle:
            code = compile(handle.read(), path, 'exec')
    except Exception:
        return []
    lines, stack = set(), [code]
    while stack:
        current = stack.pop()
        if hasattr(current, 'co_lines'):
            lines.update(line for _, _, line in current.co_lines() if line)
        else:
            import dis
            lines.update(line for _, line in dis.findlinestarts(current) if line)
        stack.extend(const for const in current.co_consts if hasattr(const, 'co_code'))
    return sorted(lines)


tracer = Tracer(config.get('trace') or []) if config.get('coverage') else None


def module_file(dotted):
    parts = dotted.split('.')
    for end in range(len(parts), 0, -1):
        module = sys.modules.get('.'.join(parts[:end]))
        if module is not None and getattr(module, '__file__', None):
            return rel(module.__file__)
    return dotted.replace('.', '/') + '.py'


def run_unittest(files):
    import unittest

    loading = {'file': None}

    def where(test):
        kind = type(test).__name__
        if kind == '_FailedTest':
            return loading['file'] or module_file(test._testMethodName), '(file)'
        if kind == '_ErrorHolder':
            found = re.search(r'\(([\w.]+)\)', test.description)
            return module_file(found.group(1) if found else ''), test.description
        module = type(test).__module__
        name = test.id()
        return module_file(module), name[len(module) + 1:] if name.startswith(module + '.') else name

    def message(err):
        text = ''.join(traceback.format_exception_only(err[0], err[1])).strip()
        # A failed import carries the whole traceback; its last line names the cause.
        return text.splitlines()[-1] if 'Traceback (most recent call last)' in text else text

    class Result(unittest.TestResult):
        def startTest(self, test):
            super().startTest(test)
            file, name = where(test)
            if tracer:
                tracer.set_current(file)
            emit({'event': 'start', 'file': file, 'name': name})

        def report(self, test, status, text=''):
            file, name = where(test)
            emit({'event': 'result', 'file': file, 'name': name, 'status': status, 'message': text})

        def addSuccess(self, test):
            self.report(test, 'pass')

        def addFailure(self, test, err):
            super().addFailure(test, err)
            self.report(test, 'fail', message(err))

        def addError(self, test, err):
            super().addError(test, err)
            self.report(test, 'fail', message(err))

        def addSkip(self, test, reason):
            self.report(test, 'skip', reason)

        def addExpectedFailure(self, test, err):
            self.report(test, 'pass')

        def addUnexpectedSuccess(self, test):
            self.report(test, 'fail', 'unexpected success of a test marked expectedFailure')

        def addSubTest(self, test, subtest, err):
            if err is not None:
                self.report(test, 'fail', message(err))

    loader = unittest.TestLoader()
    suites = []
    if files is None:
        suites.append((None, loader.discover(cwd, pattern='test*.py', top_level_dir=cwd)))
    for file in files or []:
        module = file[:-3].replace('/', '.')
        module = module[: -len('.__init__')] if module.endswith('.__init__') else module
        try:
            suites.append((file, loader.loadTestsFromName(module)))
        except Exception as error:
            emit({'event': 'result', 'file': file, 'name': '(file)', 'status': 'fail', 'message': message((type(error), error))})
    result = Result()
    for file, suite in suites:
        loading['file'] = file
        suite.run(result)


def run_pytest(files):
    import pytest

    class Plugin:
        def __init__(self):
            self.paths = {}

        def file_of(self, nodeid):
            return self.paths.get(nodeid) or nodeid.split('::')[0]

        def pytest_collection_modifyitems(self, items):
            for item in items:
                self.paths[item.nodeid] = rel(str(getattr(item, 'path', None) or item.fspath))

        def pytest_collectreport(self, report):
            if report.failed:
                emit({'event': 'result', 'file': report.nodeid.split('::')[0], 'name': '(file)', 'status': 'fail', 'message': crash_text(report.longrepr)})

        def pytest_runtest_logstart(self, nodeid, location):
            file = self.file_of(nodeid)
            if tracer:
                tracer.set_current(file)
            emit({'event': 'start', 'file': file, 'name': ' > '.join(nodeid.split('::')[1:])})

        def pytest_runtest_logreport(self, report):
            if report.when != 'call' and report.passed:
                return
            status = 'pass' if report.passed else 'skip' if report.skipped else 'fail'
            crash = getattr(report.longrepr, 'reprcrash', None)
            text = crash.message if crash is not None else crash_text(report.longrepr or '')
            if status == 'skip' and isinstance(report.longrepr, tuple):
                text = str(report.longrepr[-1])
            emit({'event': 'result', 'file': self.file_of(report.nodeid), 'name': ' > '.join(report.nodeid.split('::')[1:]), 'status': status, 'message': text})

    args = ['-p', 'no:cacheprovider', '-q', '--color=no'] + list(files or [])
    return pytest.main(args, plugins=[Plugin()])


if tracer:
    tracer.start()
try:
    if config['mode'] == 'pytest':
        run_pytest(config['files'])
    else:
        run_unittest(config['files'])
finally:
    if tracer:
        sys.settrace(None)
        tracer.write(config['coverage'])
    out.close()
`;
