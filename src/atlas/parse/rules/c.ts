/** Extraction rules for C: functions, prototypes, globals, structs, unions, enums, typedefs, macros, includes. */
import type { ImportRule, LanguageRules } from '../rules.ts';
import { unquote } from '../text.ts';
import { cDefinitions } from './c-family.ts';

const declared = { name: null } as const;
const declarator = { declarator: null } as const;

/** `#include <stdio.h>` and `#include "a/b.h"`: the source is the header path. */
export const includeRule: ImportRule = (node, context) => {
  const path = node.childForFieldName('path');
  if (path) context.addImport({ source: unquote(context.text(path)), importedName: '*', localName: '', reexport: false }, node.startIndex);
  return true;
};

/** Name uses shared by C and C++. */
export const cUses: LanguageRules['uses'] = {
  call_expression: { function: 'call' },
  assignment_expression: { left: 'write' },
  update_expression: { argument: 'write' },
  init_declarator: declarator,
  declaration: declarator,
  pointer_declarator: declarator,
  array_declarator: declarator,
  function_declarator: declarator,
  parenthesized_declarator: { '': null },
  attributed_declarator: { '': null },
  parameter_declaration: declarator,
  field_declaration: declarator,
  type_definition: declarator,
  preproc_def: declared,
  preproc_function_def: declared,
  preproc_params: { '': null },
  enumerator: declared,
  field_designator: { '': null },
};

/** Rules for the `c` grammar. */
export const cRules: LanguageRules = {
  definitions: cDefinitions,
  imports: { preproc_include: includeRule },
  identifiers: ['identifier', 'field_identifier', 'type_identifier'],
  typeIdentifiers: ['type_identifier'],
  uses: cUses,
  members: { field_expression: 'field' },
  transparent: ['parenthesized_expression'],
  opaque: ['string_literal', 'char_literal', 'system_lib_string', 'number_literal', 'preproc_arg'],
  localScopes: ['function_definition'],
  wrappers: ['linkage_specification'],
  attributes: [],
  comments: ['comment'],
  docStyle: 'line',
};
