/**
 * Test scripts of `transcoder_evaluation_gfg/` that fail with their own reference function filled in, found by
 * the oracle run (`scripts/bench/bench-suites.ts`), with the reason. The three Python ones and the first two Java
 * ones account for BENCHMARKS.md's Python 699/702 and Java 148/150 (the first 150 Java scripts by name).
 */
import type { TranscoderLanguage } from './languages.ts';

/** Script id -> why the script cannot judge a translation; tasks that target these are reported, not scored. */
export const knownBrokenScripts: Record<TranscoderLanguage, Readonly<Record<string, string>>> = {
  python: {
    FIND_EQUAL_POINT_STRING_BRACKETS:
      'f_gold leaves open[1] as None when the string does not start with "(" (the C++ original zero-fills its arrays), so it raises TypeError on such inputs',
    SEARCH_ALMOST_SORTED_ARRAY: 'the test inputs have a syntax error (`0, 4, ,` in the third parameter tuple)',
    SEARCH_AN_ELEMENT_IN_A_SORTED_AND_PIVOTED_ARRAY: 'f_gold calls itself with an undefined name `a` (for `arr`) and raises NameError',
  },
  java: {
    CHECK_IF_A_NUMBER_IS_POWER_OF_ANOTHER_NUMBER_1: 'f_gold divides by (int) Math.log(x), which is 0 for the input x = 2: ArithmeticException',
    CHECK_IF_X_CAN_GIVE_CHANGE_TO_EVERY_PERSON_IN_THE_QUEUE: 'the test harness does not compile (an extra `}` closes the last input array)',
    SEARCH_AN_ELEMENT_IN_A_SORTED_AND_PIVOTED_ARRAY: "the test harness does not compile (line 41: '}' expected)",
    SEARCH_INSERT_AND_DELETE_IN_AN_UNSORTED_ARRAY: 'the test harness does not compile (line 73: class, interface, enum, or record expected)',
    SORT_EVEN_PLACED_ELEMENTS_INCREASING_ODD_PLACED_DECREASING_ORDER: 'the script declares public class SPLIT_ARRAY_ADD_FIRST_PART_END, so it does not compile under its own file name',
    UNIQUE_CELLS_BINARY_MATRIX: 'the test inputs pass sizes larger than the matrices: ArrayIndexOutOfBoundsException in f_gold',
  },
  cpp: {},
};
