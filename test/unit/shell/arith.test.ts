/**
 * Arithmetic `$((…))`, `((…))`, `$[…]` held against bash 5.2: bases (16#ff, 2#101, 0x, octal
 * with a leading 0 and its "value too great for base" for 08/09), 64-bit wraparound, division
 * by 0 and negative exponents with bash's error token, the comma, assignment and increment
 * operators, double quotes inside the expression, an empty expression (0), variables whose
 * values are expressions.
 */
import { describe } from 'vitest';
import { sameAsBash } from './bash-oracle.js';
describe('arithmetic against bash', () => {
  sameAsBash([
    'echo $(( 16#ff )) $(( 2#101 )) $(( 8#17 )) $(( 36#z )) $(( 64#_ ))',
    'echo $(( 9223372036854775807 + 1 )) $(( -9223372036854775808 / -1 ))',
    'echo $(( 1 / 0 )); echo after',
    'echo $(( 2 ** -1 )); echo after',
    'x=5; echo $(( x++ + ++x )) $x $(( x-- - --x )) $x',
    'echo $(( 1, 2, 3 )) $(( a = 3, b = a * 2 )) $a $b',
    'echo $(( 5 & 3 )) $(( 5 | 3 )) $(( 5 ^ 3 )) $(( ~5 )) $(( !5 )) $(( 1 << 63 )) $(( -1 >> 1 ))',
    'x=3; (( x *= 2, x <<= 1 )); echo $x; (( y = x > 10 ? x - 10 : x )); echo $y',
    'v="2+3"; echo $(( v * 2 )) $(( $v * 2 ))',
    'echo $(( 010 + 0x1F + 0X1f ))',
    'echo $(( 09 )); echo after',
    'a=(1 2 3); echo $(( ${#a[@]} * 2 )) $(( a[1] ** 2 ))',
    'echo $(( 7 % -3 )) $(( -7 % 3 )) $(( -7 / 2 ))',
    'i=0; echo $(( i += 1 )) $(( i -= 5 )) $(( i /= 2 )) $(( i %= 3 ))',
    'echo $((  )) $(( " 1 + 1 " ))',
    'x=; echo $(( x + 1 )); unset y; echo $(( y * 3 ))',
    'n=10; echo $[ n + 1 ]',
    'echo $(( 3 > 2 && 2 > 1 )) $(( 0 || 0 )) $(( 1 == 1 )) $(( 1 != 1 )) $(( 2 <= 2 ))',
    'for ((i = 10; i > 0; i -= 3)); do printf "%d " $i; done; echo',
    'echo $(( 1 +* 2 )); echo after',
    's=abc; echo $(( s )); abc=7; echo $(( s ))',
  ]);
});
