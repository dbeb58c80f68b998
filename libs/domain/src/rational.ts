function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** An exact fraction: marks and averages never pass through floating point (R-MARK-5). */
export class Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;

  constructor(numerator: bigint, denominator = 1n) {
    if (denominator === 0n) throw new RangeError('Zero denominator');
    const sign = denominator < 0n ? -1n : 1n;
    const divisor = gcd(numerator, denominator) || 1n;
    this.numerator = (sign * numerator) / divisor;
    this.denominator = (sign * denominator) / divisor;
  }

  static of(value: number | bigint): Rational {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`Not an integer: ${value}`);
    return new Rational(BigInt(value));
  }

  /** Parses a decimal such as "1.5" or "2" exactly. */
  static parseDecimal(text: string): Rational {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) throw new RangeError(`Not a decimal: ${text}`);
    const [, sign, whole, fraction = ''] = match;
    const scale = 10n ** BigInt(fraction.length);
    const magnitude = BigInt(whole!) * scale + BigInt(fraction || '0');
    return new Rational(sign === '-' ? -magnitude : magnitude, scale);
  }

  add(other: Rational): Rational {
    return new Rational(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  multiply(other: Rational): Rational {
    return new Rational(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  divide(other: Rational): Rational {
    return new Rational(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  compare(other: Rational): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** Rounds to a whole number, halves away from zero for positives (3.5 → 4, 2.5 → 3, 4.49 → 4). */
  roundHalfUp(): bigint {
    return this.shiftAndRoundHalfUp(0);
  }

  /** Decimal text with exactly `places` digits, rounded half up once from the exact value. */
  toDecimal(places: number): string {
    const scaled = this.shiftAndRoundHalfUp(places);
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = digits.slice(digits.length - places);
    return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
  }

  toString(): string {
    return this.denominator === 1n ? this.numerator.toString() : `${this.numerator}/${this.denominator}`;
  }

  private shiftAndRoundHalfUp(places: number): bigint {
    const scale = 10n ** BigInt(places);
    const n = this.numerator * scale;
    const d = this.denominator;
    // floor((2n + d) / 2d) rounds half up; for negatives mirror so that -2.5 → -3.
    if (n >= 0n) return (2n * n + d) / (2n * d);
    return -((2n * -n + d) / (2n * d));
  }
}
