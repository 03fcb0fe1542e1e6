/** The Python script that describes, calls and harvests a module's functions for translate, over JSON on stdin and stdout. */

/**
 * Run as `python3 -B driver.py` with one JSON request on stdin:
 * - `{ mode: 'describe', root, file }`: the module's public functions with parameters, type hints as shapes, and literals;
 * - `{ mode: 'call', root, file, name, inputs, callTimeoutSeconds }`: one outcome per argument list, in the codec format
 *   of the differential module (`return` with a value, `throw` with the exception's class, or `timeout`);
 * - `{ mode: 'harvest', files, names }`: argument lists of test calls to `names` whose arguments are all literals.
 * The answer is one JSON line on stdout; what the code under test prints goes to stderr.
 */
export const pythonDriver = String.raw`
import ast, importlib, inspect, json, math, os, signal, sys, typing

request = json.load(sys.stdin)
real_stdout = sys.stdout
sys.stdout = sys.stderr
SAFE = 2 ** 53 - 1


class CallTimeout(BaseException):
    pass


def load_module(root, file):
    directory = os.path.dirname(os.path.abspath(file))
    parts = [os.path.splitext(os.path.basename(file))[0]]
    while os.path.isfile(os.path.join(directory, '__init__.py')):
        parts.insert(0, os.path.basename(directory))
        directory = os.path.dirname(directory)
    for extra in [os.path.join(root, 'src'), root, directory]:
        if os.path.isdir(extra):
            sys.path.insert(0, extra)
    return importlib.import_module('.'.join(parts))


def public_functions(module):
    names = getattr(module, '__all__', None)
    if names is None:
        names = [n for n, v in vars(module).items() if not n.startswith('_') and inspect.isfunction(v) and v.__module__ == module.__name__]
    return [(n, getattr(module, n)) for n in names if inspect.isfunction(getattr(module, n, None))]


def shape(hint):
    if hint is int:
        return {'kind': 'integer'}
    if hint is float:
        return {'kind': 'number'}
    if hint is bool:
        return {'kind': 'boolean'}
    if hint is str:
        return {'kind': 'string'}
    if hint is type(None) or hint is None:
        return {'kind': 'constant', 'value': None}
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or type(hint).__name__ == 'UnionType':
        options = [shape(a) for a in args]
        return None if None in options else {'kind': 'union', 'options': options}
    if origin is typing.Literal:
        ok = all(isinstance(a, (int, float, str, bool)) or a is None for a in args)
        return {'kind': 'union', 'options': [{'kind': 'constant', 'value': a} for a in args]} if ok else None
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = shape(args[0])
            return item and {'kind': 'array', 'item': item}
        items = [shape(a) for a in args]
        return None if None in items else {'kind': 'tuple', 'items': items, 'required': len(items)}
    names = {'list', 'List', 'Sequence', 'Iterable', 'Collection', 'MutableSequence'}
    origin_name = getattr(origin, '__name__', '') if origin else ''
    if origin is list or origin_name in names:
        item = shape(args[0]) if args else None
        return item and {'kind': 'array', 'item': item}
    if origin is dict or origin_name in {'Mapping', 'MutableMapping'}:
        value = shape(args[1]) if len(args) == 2 and args[0] is str else None
        return value and {'kind': 'dictionary', 'value': value}
    return None


def literals(fn, found):
    try:
        tree = ast.parse(inspect.getsource(fn))
    except (OSError, TypeError, SyntaxError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and not isinstance(node.value, bool):
            if isinstance(node.value, (int, float)) and math.isfinite(node.value) and abs(node.value) <= SAFE:
                found['numbers'].append(node.value)
            elif isinstance(node.value, str) and len(node.value) <= 64:
                found['strings'].append(node.value)


def describe(module):
    result = []
    for name, fn in public_functions(module):
        try:
            hints = typing.get_type_hints(fn)
        except Exception:
            hints = {}
        parameters = []
        for p in inspect.signature(fn).parameters.values():
            kind = {p.VAR_POSITIONAL: 'rest', p.VAR_KEYWORD: 'kwargs', p.KEYWORD_ONLY: 'keyword'}.get(p.kind, 'positional')
            hint = shape(hints[p.name]) if p.name in hints else None
            if kind == 'rest' and hint is not None:
                hint = {'kind': 'array', 'item': hint}
            parameters.append({'name': p.name, 'kind': kind, 'optional': p.default is not p.empty, 'shape': hint})
        constants = {'numbers': [], 'strings': []}
        literals(fn, constants)
        result.append({'name': name, 'parameters': parameters, 'constants': constants})
    return result


def decode(value):
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, dict):
        tag = value.get('$')
        if tag == 'number':
            return {'NaN': math.nan, 'Infinity': math.inf, '-Infinity': -math.inf, '-0': -0.0}[value['value']]
        if tag == 'bigint':
            return int(value['value'])
        if tag == 'object' or tag == 'map':
            return {str(decode(k)): decode(v) for k, v in value['entries']}
        if tag == 'set':
            return [decode(item) for item in value['items']]
        if tag == 'date':
            return value['value']
        return None
    return value


def encode(value, depth=0):
    if depth > 40:
        return {'$': 'truncated'}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) <= SAFE else {'$': 'bigint', 'value': str(value)}
    if isinstance(value, float):
        if math.isnan(value):
            return {'$': 'number', 'value': 'NaN'}
        if math.isinf(value):
            return {'$': 'number', 'value': 'Infinity' if value > 0 else '-Infinity'}
        if value == 0 and math.copysign(1, value) < 0:
            return {'$': 'number', 'value': '-0'}
        return value
    if isinstance(value, (list, tuple)):
        return [encode(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {'$': 'object', 'class': 'Object', 'entries': [[str(k), encode(v, depth + 1)] for k, v in value.items()]}
    if isinstance(value, (set, frozenset)):
        return {'$': 'set', 'items': [encode(item, depth + 1) for item in value]}
    if isinstance(value, (bytes, bytearray)):
        return {'$': 'bytes', 'class': 'Uint8Array', 'items': list(value)}
    if isinstance(value, BaseException):
        return {'$': 'error', 'class': type(value).__name__, 'message': str(value)}
    fields = getattr(value, '__dict__', None)
    entries = [[k, encode(v, depth + 1)] for k, v in fields.items()] if isinstance(fields, dict) else []
    return {'$': 'object', 'class': type(value).__name__, 'entries': entries}


def on_alarm(_signum, _frame):
    raise CallTimeout()


def call_all(fn, inputs, seconds, max_timeouts):
    signal.signal(signal.SIGALRM, on_alarm)
    outcomes = []
    timeouts = 0
    for args in inputs:
        if timeouts >= max_timeouts:
            break
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            outcomes.append({'kind': 'return', 'value': encode(fn(*[decode(a) for a in args]))})
        except CallTimeout:
            timeouts += 1
            outcomes.append({'kind': 'timeout', 'ms': int(seconds * 1000)})
        except BaseException as error:
            outcomes.append({'kind': 'throw', 'error': encode(error)})
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return outcomes


def harvest(files, names):
    found = {name: [] for name in names}
    for file in files:
        try:
            tree = ast.parse(open(file, encoding='utf-8').read())
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or node.keywords:
                continue
            callee = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else None
            if callee not in found:
                continue
            try:
                args = [encode(ast.literal_eval(argument)) for argument in node.args]
            except (ValueError, TypeError, SyntaxError, RecursionError):
                continue
            if args not in found[callee]:
                found[callee].append(args)
    return found


def answer():
    mode = request['mode']
    if mode == 'harvest':
        return {'inputs': harvest(request['files'], request['names'])}
    try:
        module = load_module(request['root'], request['file'])
    except BaseException as error:
        return {'error': 'importing the module failed: %s: %s' % (type(error).__name__, error)}
    if mode == 'describe':
        return {'functions': describe(module)}
    fn = getattr(module, request['name'], None)
    if not callable(fn):
        return {'error': '%s is not a function of the module' % request['name']}
    return {'outcomes': call_all(fn, request['inputs'], request['callTimeoutSeconds'], request['maxTimeouts'])}


real_stdout.write(json.dumps(answer()) + '\n')
real_stdout.flush()
`;
