/** The Python program behind Python name checks: resolves modules and attribute chains, statically for repository modules, by import otherwise. */

/**
 * Reads `[{module, attributes}]` on stdin and prints one answer per request:
 * `{status: ok|unchecked|missing-module|missing-attribute|error, index?, suggestions, owner, reason?}`.
 * Repository modules are read with `ast`, never run; installed and standard modules are imported.
 */
export const introspectScript = String.raw`
import ast, difflib, importlib, importlib.util, inspect, json, os, pkgutil, sys
root = os.path.realpath(os.getcwd())
try:
    from importlib.metadata import packages_distributions, version as dist_version
    distributions = packages_distributions()
except Exception:
    distributions = {}
stdlib = set(getattr(sys, 'stdlib_module_names', ())) | set(sys.builtin_module_names)

def owner(top):
    if top in stdlib:
        return '%s (Python %d.%d standard library)' % ((top,) + tuple(sys.version_info[:2]))
    for dist in distributions.get(top, []):
        try:
            return '%s %s (installed)' % (dist, dist_version(dist))
        except Exception:
            pass
    return top

def close(name, names):
    private = name.startswith('_')
    return difflib.get_close_matches(name, sorted(n for n in set(names) if private or not n.startswith('_')), 3, 0.6)

def top_names(path):
    with open(path, 'rb') as handle:
        tree = ast.parse(handle.read())
    names = set()
    def visit(body):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                    names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split('.')[0] for a in node.names)
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                visit(getattr(node, 'body', []) + getattr(node, 'orelse', []) + getattr(node, 'finalbody', []))
                for handler in getattr(node, 'handlers', []):
                    visit(handler.body)
    visit(tree.body)
    return names

def in_repository(path):
    return path is not None and os.path.isabs(path) and os.path.realpath(path).startswith(root + os.sep)

def local(spec, module, attributes):
    relative = os.path.relpath(spec.origin, root)
    if not attributes:
        return {'status': 'ok'}
    folder = os.path.dirname(spec.origin) if spec.origin.endswith('__init__.py') else None
    if folder and (os.path.exists(os.path.join(folder, attributes[0] + '.py')) or os.path.isdir(os.path.join(folder, attributes[0]))):
        return {'status': 'ok'}
    names = top_names(spec.origin)
    if attributes[0] in names or any(n == '*' for n in names):
        return {'status': 'ok'}
    extra = [os.path.splitext(n)[0] for n in os.listdir(folder)] if folder else []
    return {'status': 'missing-attribute', 'index': 0, 'suggestions': close(attributes[0], list(names) + extra), 'owner': relative}

def repository_has(top):
    for current, folders, files in os.walk(root):
        depth = os.path.relpath(current, root).count(os.sep)
        folders[:] = [f for f in folders if not f.startswith('.') and f not in ('node_modules', 'venv', '__pycache__')] if depth < 2 else []
        if top + '.py' in files or top in folders:
            return True
    return False

def find(module):
    try:
        return importlib.util.find_spec(module)
    except Exception:
        return None

def check(request):
    module, attributes = request['module'], request['attributes']
    top = module.split('.')[0]
    top_spec = find(top)
    if top_spec is None:
        if repository_has(top):
            return {'status': 'unchecked', 'reason': 'repository module outside the import path'}
        known = [m.name for m in pkgutil.iter_modules()] + list(stdlib)
        return {'status': 'missing-module', 'suggestions': close(top, known), 'owner': top, 'certain': bool(close(top, stdlib))}
    if in_repository(top_spec.origin):
        path = os.path.dirname(top_spec.origin) if top_spec.origin.endswith('__init__.py') else None
        for part in module.split('.')[1:]:
            if path is None:
                return {'status': 'unchecked', 'reason': 'not a package'}
            candidates = [os.path.join(path, part + '.py'), os.path.join(path, part, '__init__.py')]
            found = next((c for c in candidates if os.path.exists(c)), None)
            if found is None:
                return {'status': 'missing-module', 'suggestions': close(part, [os.path.splitext(n)[0] for n in os.listdir(path)]), 'owner': os.path.relpath(path, root), 'certain': True}
            path = os.path.dirname(found) if found.endswith('__init__.py') else None
            top_spec = importlib.util.spec_from_file_location(module, found)
        return local(top_spec, module, attributes)
    try:
        value = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if not error.name or not (module == error.name or module.startswith(error.name + '.')):
            return {'status': 'error', 'reason': 'cannot import %s: %s' % (module, error)}
        parent = module.rsplit('.', 1)
        names = [m.name for m in pkgutil.iter_modules(getattr(find(parent[0]), 'submodule_search_locations', None) or [])] if len(parent) == 2 else []
        return {'status': 'missing-module', 'suggestions': close(parent[-1], names), 'owner': owner(top), 'certain': True}
    except BaseException as error:
        return {'status': 'error', 'reason': '%s: %s' % (type(error).__name__, error)}
    for index, name in enumerate(attributes):
        if hasattr(value, name):
            value = getattr(value, name)
            continue
        if inspect.ismodule(value) and find(value.__name__ + '.' + name) is not None:
            value = importlib.import_module(value.__name__ + '.' + name)
            continue
        return {'status': 'missing-attribute', 'index': index, 'suggestions': close(name, dir(value)), 'owner': owner(top)}
    return {'status': 'ok'}

answers = []
for request in json.load(sys.stdin):
    try:
        answers.append(check(request))
    except BaseException as error:
        answers.append({'status': 'error', 'reason': '%s: %s' % (type(error).__name__, error)})
sys.stdout.write('\n' + json.dumps(answers) + '\n')
`;
