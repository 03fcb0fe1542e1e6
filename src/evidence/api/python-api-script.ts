/** The Python program behind Python API lookups: imports a module and describes its public names with `inspect`. */

/**
 * Reads `{module, name?, offset, limit}` on stdin and prints one JSON line:
 * `{status: ok|missing-module|error, package, version, source, found, suggestions, target?, names, total, reason?}`.
 */
export const pythonApiScript = String.raw`
import difflib, importlib, inspect, json, os, sys
request = json.load(sys.stdin)

def distribution(top):
    try:
        from importlib.metadata import packages_distributions, version
        for dist in packages_distributions().get(top, []):
            try:
                return dist, version(dist)
            except Exception:
                pass
    except Exception:
        pass
    if top in set(getattr(sys, 'stdlib_module_names', ())) | set(sys.builtin_module_names):
        return 'python', '%d.%d.%d (standard library)' % tuple(sys.version_info[:3])
    return top, 'unknown'

def kind(value):
    if inspect.ismodule(value):
        return 'namespace'
    if inspect.isclass(value):
        return 'class'
    if inspect.isroutine(value):
        return 'function'
    return 'variable'

def describe(name, value):
    k = kind(value)
    if k in ('function', 'class'):
        try:
            signatures = [name + str(inspect.signature(value))]
        except (TypeError, ValueError):
            signatures = [name + '(...)']
    elif k == 'namespace':
        signatures = ['module ' + value.__name__]
    else:
        signatures = [name + ': ' + type(value).__name__]
    entry = {'name': name, 'kind': k, 'signatures': signatures}
    doc = inspect.getdoc(value) if k != 'variable' else None
    if doc:
        entry['doc'] = doc.strip().split('\n')[0][:200]
    return entry

def public(value):
    names = getattr(value, '__all__', None) if inspect.ismodule(value) else None
    if not isinstance(names, (list, tuple)):
        names = [n for n in dir(value) if not n.startswith('_')]
    return sorted(set(str(n) for n in names))

def main():
    module_name = request['module']
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        return {'status': 'missing-module', 'reason': str(error)}
    except BaseException as error:
        return {'status': 'error', 'reason': '%s: %s' % (type(error).__name__, error)}
    dist, version = distribution(module_name.split('.')[0])
    source = getattr(module, '__file__', None) or ''
    answer = {'status': 'ok', 'package': dist, 'version': version, 'source': os.path.basename(source), 'found': True, 'suggestions': [], 'names': [], 'total': 0}
    value = module
    name = request.get('name')
    if name:
        for part in name.split('.'):
            if hasattr(value, part):
                value = getattr(value, part)
                continue
            if inspect.ismodule(value):
                try:
                    value = importlib.import_module(value.__name__ + '.' + part)
                    continue
                except Exception:
                    pass
            answer['found'] = False
            answer['suggestions'] = difflib.get_close_matches(part, public(value) or dir(value), 5, 0.5)
            return answer
        answer['target'] = describe(name.split('.')[-1], value)
        if kind(value) not in ('namespace', 'class'):
            return answer
    names = public(value)
    offset, limit = request.get('offset', 0), request.get('limit', 100)
    answer['total'] = len(names)
    answer['names'] = [describe(n, getattr(value, n)) for n in names[offset:offset + limit] if hasattr(value, n)]
    return answer

sys.stdout.write('\n' + json.dumps(main()) + '\n')
`;
